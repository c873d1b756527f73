using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;
using static FutureSim.TestKit.TestData;

namespace FutureSim.Core.Tests.Simulation;

public sealed class DayContextTests
{
    /// <summary>
    /// Agents list their questions at the same moment: the shared market view must be complete for every one of
    /// them and built before any of them reads it (a view built lazily by whichever agent came first could be
    /// read half-published by another, which failed that agent's whole day and made identical runs differ).
    /// </summary>
    [Fact]
    public void AgentsReadingTheMarketViewAtTheSameMomentAllSeeItCompleteAndNoneOfThemBuildsIt()
    {
        var questions = Enumerable.Range(0, 8)
            .Select(i => Binary($"q{i}", "2025-01-01", "2025-02-01", yes: i % 2 == 0, crowd: 0.5))
            .ToImmutableSortedDictionary(q => q.Id, q => q, Comparer<QuestionId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)));
        var view = new CountingView(SimulatedTime.EndOf(Day("2025-01-10")));
        const int Rounds = 1_000;
        var incomplete = 0;
        var published = 0;
        DayContext? shared = null;
        var readers = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            DayContext? last = null;
            while (Volatile.Read(ref published) < Rounds)
            {
                var context = Volatile.Read(ref shared);
                if (context is null || ReferenceEquals(context, last))
                {
                    continue;
                }

                last = context;
                try
                {
                    if (context.OpenViews.Length != questions.Count || context.OpenViews.Any(v => v is null))
                    {
                        Interlocked.Increment(ref incomplete);
                    }
                }
                catch (Exception e) when (e is NullReferenceException or InvalidOperationException)
                {
                    Interlocked.Increment(ref incomplete);
                }
            }
        })).ToArray();

        foreach (var reader in readers)
        {
            reader.Start();
        }

        for (var round = 1; round <= Rounds; round++)
        {
            var context = new DayContext(Day("2025-01-10"), view, questions, []);
            view.Published = true;
            Volatile.Write(ref shared, context);
            Thread.SpinWait(200);
            view.Published = false;
            Volatile.Write(ref published, round);
        }

        foreach (var reader in readers)
        {
            reader.Join();
        }

        var lastDay = new DayContext(Day("2025-01-10"), view, questions, []);
        view.Published = true;
        Assert.Equal(questions.Count, lastDay.OpenViews.Length);

        Assert.Equal(0, incomplete);
        Assert.Equal(0, view.ReadsAfterPublication);
    }

    /// <summary>A view that counts how often it is consulted once its day's context has been handed to the agents.</summary>
    private sealed class CountingView(DateTimeOffset asOf) : ICorpusView
    {
        private int readsAfterPublication;

        public volatile bool Published;

        public int ReadsAfterPublication => Volatile.Read(ref readsAfterPublication);

        public DateTimeOffset AsOf
        {
            get
            {
                if (Published)
                {
                    Interlocked.Increment(ref readsAfterPublication);
                }

                return asOf;
            }
        }

        public CorpusSearchResult Search(NewsQuery query) => new([], []);

        public Article? Find(ArticleId id) => null;

        public int CountArrivedSince(DateTimeOffset after) => 0;

        public IEnumerable<Article> ArrivedSince(DateTimeOffset after) => [];
    }
}
