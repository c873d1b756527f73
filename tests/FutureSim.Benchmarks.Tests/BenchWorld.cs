using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;

namespace FutureSim.Benchmarks.Tests;

/// <summary>A small world for the benchmarks: a few days of news that match the questions' words, and three questions.</summary>
internal static class BenchWorld
{
    public static readonly DateOnly Day = TestData.Day("2026-01-02");

    public static ImmutableArray<Article> Articles { get; } =
    [
        TestData.Article("a1", "2025-12-31", "Who will it be: election result expected soon", "Polls show Alpha ahead; will it happen?"),
        TestData.Article("a2", "2026-01-01", "Election result: counting starts", "Who will it be? Counting began."),
        TestData.Article("a3", "2026-01-02", "Alpha wins the election result", "It will happen: Alpha was declared the winner."),
        TestData.Article("a4", "2026-01-05", "Markets after the election result", "Markets rose."),
    ];

    public static ImmutableArray<Question> Questions { get; } =
    [
        TestData.FreeForm("q1", "2026-01-01", "2026-01-03", "Alpha"),
        TestData.Binary("q2", "2026-01-01", "2026-01-04", yes: true),
        TestData.FreeForm("q3", "2026-01-01", "2026-02-01", "Gamma"),
    ];

    /// <summary>A corpus whose views search like <see cref="InMemoryCorpus"/> but never find an article by id.</summary>
    public sealed class ArticlesGoMissing(ITimeGatedCorpus inner) : ITimeGatedCorpus
    {
        public CorpusIdentity Identity => inner.Identity;

        public ICorpusView At(DateTimeOffset asOf) => new View(inner.At(asOf));

        public void Dispose() => inner.Dispose();

        private sealed class View(ICorpusView inner) : ICorpusView
        {
            public DateTimeOffset AsOf => inner.AsOf;

            public CorpusSearchResult Search(NewsQuery query) => inner.Search(query);

            public Article? Find(ArticleId id) => null;

            public int CountArrivedSince(DateTimeOffset after) => inner.CountArrivedSince(after);

            public IEnumerable<Article> ArrivedSince(DateTimeOffset after) => inner.ArrivedSince(after);
        }
    }
}
