using System.Collections.Immutable;
using System.Globalization;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Benchmarks.Scoring;

/// <summary>
/// Writes run folders at a given scale through the product's own writers (<see cref="RunFolder"/>, <see cref="EventLog"/>):
/// one agent per run, free-form questions opening on the first day and resolving through the window, every open
/// question re-forecast every day, with a fixed seed per run.
/// </summary>
internal static class BenchmarkRunFolders
{
    /// <summary>Writes one run folder under <paramref name="root"/>; returns its path and the forecasts written.</summary>
    public static (string Folder, int Forecasts) Write(string root, int configuration, int seed, ScoringBenchmarkOptions options)
    {
        var random = new Random((1000 * configuration) + seed);
        var first = new DateOnly(2025, 12, 24);
        var agent = string.Create(CultureInfo.InvariantCulture, $"agent-{configuration:D2}");
        var questions = Enumerable.Range(0, options.Questions).Select(i => new Question
        {
            Id = new QuestionId(string.Create(CultureInfo.InvariantCulture, $"q{i:D4}")),
            Title = $"Question {i}",
            Kind = QuestionKind.FreeForm,
            OpensAt = SimulatedTime.StartOf(first),
            ResolutionDate = first.AddDays(Math.Min(options.Days - 1, 8 + (i * Math.Max(1, options.Days - 9) / options.Questions))),
            Resolution = new QuestionResolution { Answer = $"Answer {i % 17}", Aliases = [$"A{i % 17}"] },
        }).ToImmutableArray();
        var manifest = new RunManifest
        {
            RunId = string.Create(CultureInfo.InvariantCulture, $"bench-{configuration:D2}-seed-{seed}"),
            Status = RunStatus.Completed,
            Simulation = new SimulationSettings { Start = first, End = first.AddDays(options.Days - 1) },
            Corpus = new CorpusIdentity("bench", VisibilityPolicy.Strict, 0),
            QuestionSets = [new QuestionSetInfo("bench", "bench.jsonl", "", options.Questions)],
            Agents =
            [
                new AgentSpec
                {
                    Name = agent,
                    Kind = "bench",
                    Settings = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(options.SeedSetting, seed.ToString(CultureInfo.InvariantCulture))]),
                },
            ],
        };
        var folder = RunFolder.Create(Path.Combine(root, manifest.RunId), manifest, questions);
        var forecasts = 0;
        using var log = EventLog.OpenForAppend(folder.EventsPath, 0);
        var resolved = new HashSet<QuestionId>();
        for (var d = 0; d < options.Days; d++)
        {
            var day = first.AddDays(d);
            var events = new List<RunEvent> { new DayStarted { Day = day, AsOf = SimulatedTime.EndOf(day) } };
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
                forecasts++;
            }

            events.Add(new DayCompleted { Day = day });
            if (d == options.Days - 1)
            {
                events.Add(new RunCompleted { Day = day });
            }

            log.Append(events);
        }

        return (folder.Root, forecasts);
    }
}
