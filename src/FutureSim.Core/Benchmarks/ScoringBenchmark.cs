using System.Collections.Immutable;
using System.Diagnostics;
using FutureSim.Core.Articles;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;

namespace FutureSim.Core.Benchmarks;

/// <summary>
/// Times scoring and the bootstrap leaderboard at FutureSim's published scale: a number of run folders
/// (one agent each, different configurations) over free-form questions and daily snapshots, every open
/// question re-forecast every day — generated in memory with a fixed seed.
/// </summary>
public static class ScoringBenchmark
{
    public static async Task<ScoringBenchmarkReport> RunAsync(int runs = 25, int questions = 330, int days = 95, int resamples = 1000, CancellationToken cancellationToken = default)
    {
        var records = Enumerable.Range(0, runs).Select(r => Generate(r, questions, days)).ToArray();
        var forecasts = records.Sum(r => r.Events.Count(e => e is ForecastSubmitted));

        var started = Stopwatch.GetTimestamp();
        var scored = new List<ScoredRun>(runs);
        foreach (var record in records)
        {
            scored.Add(await RunScorer.ScoreAsync(record, NormalisingAnswerMatcher.Instance, ScoringOptions.Default, cancellationToken));
        }

        var scoring = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        var board = Leaderboard.Build(scored, LeaderboardOptions.Default with { Resamples = resamples });
        var bootstrap = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        var rendered = Leaderboards.Export.LeaderboardExporters.BuiltIn.Sum(e => e.Export(new(board)).Length);
        var rendering = Stopwatch.GetElapsedTime(started);
        return new ScoringBenchmarkReport(runs, questions, days, forecasts, resamples, scoring.TotalSeconds, bootstrap.TotalSeconds, rendering.TotalSeconds, rendered);
    }

    private static RunRecord Generate(int run, int questionCount, int dayCount)
    {
        var random = new Random(1000 + run);
        var first = new DateOnly(2025, 12, 24);
        var agent = $"agent-{run:D2}";
        var questions = Enumerable.Range(0, questionCount).Select(i => new Question
        {
            Id = new QuestionId($"q{i:D4}"),
            Title = $"Question {i}",
            Kind = QuestionKind.FreeForm,
            OpensAt = SimulatedTime.StartOf(first),
            ResolutionDate = first.AddDays(8 + (i * (dayCount - 9) / questionCount)),
            Resolution = new QuestionResolution { Answer = $"Answer {i % 17}", Aliases = [$"A{i % 17}"] },
        }).ToImmutableArray();
        var events = new List<RunEvent>();
        var resolved = new HashSet<QuestionId>();
        for (var d = 0; d < dayCount; d++)
        {
            var day = first.AddDays(d);
            events.Add(new DayStarted { Day = day, AsOf = SimulatedTime.EndOf(day) });
            foreach (var q in questions.Where(q => q.ResolutionDate <= day && resolved.Add(q.Id)))
            {
                events.Add(new QuestionResolved { Day = day, QuestionId = q.Id, Answer = q.Resolution.Answer });
            }

            foreach (var q in questions.Where(q => !resolved.Contains(q.Id)))
            {
                var top = random.Next(17);
                events.Add(new ForecastSubmitted
                {
                    Day = day,
                    Agent = agent,
                    QuestionId = q.Id,
                    Outcomes = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double>
                    {
                        [$"Answer {top}"] = 0.3 + (0.4 * random.NextDouble()),
                        [$"Answer {(top + 1) % 17}"] = 0.1,
                        [$"Answer {(top + 2) % 17}"] = 0.05,
                    }),
                });
            }

            events.Add(new DayCompleted { Day = day });
        }

        events.Add(new RunCompleted { Day = first.AddDays(dayCount - 1) });
        var manifest = new RunManifest
        {
            RunId = $"bench-{run:D2}",
            Status = RunStatus.Completed,
            Simulation = new SimulationSettings { Start = first, End = first.AddDays(dayCount - 1) },
            Corpus = new CorpusIdentity("bench", VisibilityPolicy.Strict, 0),
            QuestionSets = [new QuestionSetInfo("bench", "bench.jsonl", "", questionCount)],
            Agents = [new AgentSpec { Name = agent, Kind = "bench" }],
        };
        return RunRecord.Create(manifest, questions, events);
    }
}

/// <summary>Seconds spent scoring the runs, building the leaderboard with its bootstrap, and rendering it.</summary>
public sealed record ScoringBenchmarkReport(
    int Runs, int Questions, int Days, int Forecasts, int Resamples, double ScoringSeconds, double LeaderboardSeconds, double RenderingSeconds, int RenderedCharacters)
{
    public double TotalSeconds => ScoringSeconds + LeaderboardSeconds;
}
