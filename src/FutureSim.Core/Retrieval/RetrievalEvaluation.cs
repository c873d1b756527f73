using System.Collections.Immutable;
using System.Globalization;
using FutureSim.Core.Articles;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Statistics;

namespace FutureSim.Core.Retrieval;

/// <summary>
/// Offline retrieval evaluation through the agents' gate: each topic is searched as of its own instant,
/// in each mode, for <see cref="RetrievalEvaluationOptions.Depth"/> documents, and measured against its
/// judgments (<see cref="RetrievalMetrics"/>). A judged document that is not visible at the topic's instant is
/// a data error and is left out; topics left with no relevant document are not measured. Intervals are
/// percentile bootstraps over the measured topics, whose draws all modes share, so differences are paired.
/// </summary>
public static class RetrievalEvaluation
{
    /// <param name="corpus">The corpus, searched through its views.</param>
    /// <param name="topics">The topics, each searched as of its instant.</param>
    /// <param name="qrels">The judgments.</param>
    /// <param name="options">Modes, depth and bootstrap settings.</param>
    /// <param name="time">Wall time, for the latency of each search.</param>
    /// <param name="ct">Cancels between searches.</param>
    public static RetrievalReport Run(ITimeGatedCorpus corpus, IReadOnlyList<RetrievalTopic> topics, Qrels qrels, RetrievalEvaluationOptions options, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        var errors = ImmutableArray.CreateBuilder<JudgmentError>();
        var counted = new List<(RetrievalTopic Topic, Dictionary<string, int> Judgments)>();
        var everything = corpus.At(DateTimeOffset.MaxValue);
        foreach (var topic in topics)
        {
            var view = corpus.At(topic.AsOf);
            var judgments = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (document, relevance) in qrels.Of(topic.Id).OrderBy(j => j.Key, StringComparer.Ordinal))
            {
                if (view.Find(new ArticleId(document)) is not null)
                {
                    judgments[document] = relevance;
                }
                else if (everything.Find(new ArticleId(document)) is { } later)
                {
                    errors.Add(new JudgmentError(topic.Id, document, string.Create(CultureInfo.InvariantCulture,
                        $"not visible at the topic's instant {topic.AsOf:yyyy-MM-dd'T'HH:mm:ss'Z'} (visible from {later.VisibleAt:yyyy-MM-dd'T'HH:mm:ss'Z'})")));
                }
                else
                {
                    errors.Add(new JudgmentError(topic.Id, document, "not in the corpus"));
                }
            }

            if (judgments.Values.Any(r => r > 0))
            {
                counted.Add((topic, judgments));
            }
        }

        var draws = counted.Count == 0 ? [] : Bootstrap.DrawQuestions(counted.Count, options.Resamples, options.Seed);
        var modes = ImmutableArray.CreateBuilder<ModeResult>();
        var perMode = new List<(string Mode, double[] Points, double[][] Replicates)>();
        foreach (var mode in options.Modes)
        {
            var (result, values) = Measure(corpus, topics, counted, mode, options, time, ct);
            var points = new double[RetrievalMetrics.Names.Count];
            var replicates = new double[points.Length][];
            var measures = ImmutableSortedDictionary.CreateBuilder<string, Estimate>(StringComparer.Ordinal);
            for (var m = 0; m < points.Length; m++)
            {
                var column = values.Select(v => v[m]).ToArray();
                points[m] = column.Length == 0 ? double.NaN : column.Average();
                replicates[m] = Replicates(column, draws, options.Resamples);
                if (Bootstrap.Interval(points[m], replicates[m], options.Level) is { } estimate)
                {
                    measures[RetrievalMetrics.Names[m]] = estimate;
                }
            }

            perMode.Add((result.Mode, points, replicates));
            modes.Add(result with { Measures = measures.ToImmutable() });
        }

        var differences = ImmutableArray.CreateBuilder<RetrievalDifference>();
        for (var a = 0; a < perMode.Count; a++)
        {
            for (var b = a + 1; b < perMode.Count; b++)
            {
                for (var m = 0; m < RetrievalMetrics.Names.Count; m++)
                {
                    var (difference, p) = Bootstrap.Paired(perMode[a].Points[m], perMode[a].Replicates[m], perMode[b].Points[m], perMode[b].Replicates[m], options.Level);
                    if (difference is not null)
                    {
                        differences.Add(new RetrievalDifference("retrieval", RetrievalMetrics.Names[m], perMode[a].Mode, perMode[b].Mode, difference, p));
                    }
                }
            }
        }

        return new RetrievalReport
        {
            Topics = topics.Count,
            TopicsMeasured = counted.Count,
            Modes = modes.ToImmutable(),
            Differences = differences.ToImmutable(),
            DataErrors = errors.ToImmutable(),
            Resamples = options.Resamples,
            Level = options.Level,
        };
    }

    private static (ModeResult Result, List<double[]> Values) Measure(
        ITimeGatedCorpus corpus,
        IReadOnlyList<RetrievalTopic> topics,
        List<(RetrievalTopic Topic, Dictionary<string, int> Judgments)> counted,
        SearchMode mode,
        RetrievalEvaluationOptions options,
        TimeProvider time,
        CancellationToken ct)
    {
        var rankings = new Dictionary<string, TopicRanking>(StringComparer.Ordinal);
        var milliseconds = new List<double>(topics.Count);
        var name = mode.ToString().ToLowerInvariant();
        foreach (var topic in topics)
        {
            ct.ThrowIfCancellationRequested();
            var started = time.GetTimestamp();
            var hits = corpus.At(topic.AsOf).Search(new NewsQuery { Text = topic.Query, MaxResults = options.Depth, Mode = mode }).Hits;
            milliseconds.Add(time.GetElapsedTime(started).TotalMilliseconds);
            rankings[topic.Id] = new TopicRanking(topic.Id, [.. hits.Select(h => h.Article.Id.Value)], [.. hits.Select(h => h.Score)]);
        }

        var values = counted.Select(c => RetrievalMetrics.Compute(rankings[c.Topic.Id].Documents, c.Judgments)).ToList();
        milliseconds.Sort();
        var result = new ModeResult(
            name, ImmutableSortedDictionary<string, Estimate>.Empty, [.. topics.Select(t => rankings[t.Id])],
            Quantile.NearestRank(milliseconds, 0.5), Quantile.NearestRank(milliseconds, 0.99));
        return (result, values);
    }

    /// <summary>The mean of <paramref name="values"/> over each resample's drawn topics.</summary>
    private static double[] Replicates(double[] values, int[] draws, int resamples)
    {
        var replicates = new double[values.Length == 0 ? 0 : resamples];
        for (var r = 0; r < replicates.Length; r++)
        {
            double sum = 0;
            for (var i = 0; i < values.Length; i++)
            {
                sum += values[draws[(r * values.Length) + i]];
            }

            replicates[r] = sum / values.Length;
        }

        return replicates;
    }
}
