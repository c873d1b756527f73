using System.Collections.Immutable;
using FutureSim.Cli.Reports;
using FutureSim.Core.Articles;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;

namespace FutureSim.Cli.Tests.Reports;

public sealed class ChartWriterTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    /// <summary>A 10-day run: "steady" names the truth of each question at 0.6, "wobbly" at 0.2 with a wrong favourite.</summary>
    internal static async Task<Leaderboard> BoardAsync()
    {
        string[] truths = ["Paris", "Lyon", "Nice", "Lille", "Metz", "Brest"];
        var questions = truths.Select((t, i) => new Question
        {
            Id = new QuestionId($"Q{i}"),
            Title = $"Which city {i}?",
            Kind = i < 4 ? QuestionKind.FreeForm : QuestionKind.Binary,
            OpensAt = SimulatedTime.StartOf(Start),
            ResolutionDate = Start.AddDays(3 + i),
            Resolution = new QuestionResolution { Answer = i < 4 ? t : i % 2 == 0 ? QuestionResolution.Yes : QuestionResolution.No },
        }).ToList();
        var manifest = new RunManifest
        {
            RunId = "chart-run",
            Status = RunStatus.Completed,
            Simulation = new SimulationSettings { Start = Start, End = Start.AddDays(9) },
            Corpus = new CorpusIdentity("sha", VisibilityPolicy.Strict, 1),
            QuestionSets = [new QuestionSetInfo("set", "q.jsonl", "sha", questions.Count)],
            Agents = [new AgentSpec { Name = "steady", Kind = "test" }, new AgentSpec { Name = "wobbly", Kind = "test" }],
        };
        var events = new List<RunEvent>();
        for (var d = 0; d < 10; d++)
        {
            var day = Start.AddDays(d);
            events.Add(new DayStarted { Day = day, AsOf = SimulatedTime.EndOf(day) });
            events.AddRange(questions.Where(q => q.ResolutionDate == day).Select(q => new QuestionResolved { Day = day, QuestionId = q.Id, Answer = q.Resolution.Answer }));
            foreach (var q in questions.Where(q => q.ResolutionDate > day && d % 2 == 0))
            {
                ImmutableSortedDictionary<string, double> Outcomes(params (string, double)[] o) => o.ToImmutableSortedDictionary(x => x.Item1, x => x.Item2);
                var binary = q.Kind == QuestionKind.Binary;
                events.Add(new ForecastSubmitted { Day = day, Agent = "steady", QuestionId = q.Id, Outcomes = binary ? Outcomes(("Yes", 0.7)) : Outcomes((q.Resolution.Answer, 0.6)) });
                events.Add(new ForecastSubmitted { Day = day, Agent = "wobbly", QuestionId = q.Id, Outcomes = binary ? Outcomes(("Yes", 0.1 * d)) : Outcomes(("Rome", 0.5), (q.Resolution.Answer, 0.2)) });
            }

            events.Add(new DayCompleted { Day = day });
        }

        events.Add(new RunCompleted { Day = Start.AddDays(9) });
        var scores = await RunScorer.ScoreAsync(RunRecord.Create(manifest, questions, events), NormalisingAnswerMatcher.Instance, ScoringOptions.Default, CancellationToken.None);
        return Leaderboard.Build([scores], LeaderboardOptions.Default);
    }

    [Fact]
    public async Task ChartsAreWrittenAsPngFilesAndReferencedRelativeToTheOutputFolder()
    {
        var output = Path.Combine(Path.GetTempPath(), "futuresim-charts", Guid.NewGuid().ToString("N"));
        var board = await BoardAsync();
        var charts = ChartWriter.Write(board, output);

        var (steady, wobbly) = (board.Entries[0].ConfigurationId, board.Entries[1].ConfigurationId);
        Assert.Equal(
            [
                "charts/score-over-time.png", "charts/brier-over-time.png",
                $"charts/reliability-steady-{steady}-free-form.png", $"charts/reliability-steady-{steady}-binary.png",
                $"charts/reliability-wobbly-{wobbly}-free-form.png", $"charts/reliability-wobbly-{wobbly}-binary.png",
            ],
            charts.Select(c => c.RelativePath));
        foreach (var chart in charts)
        {
            var bytes = File.ReadAllBytes(Path.Combine(output, chart.RelativePath));
            Assert.True(bytes.Length > 1000);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
    }

    [Fact]
    public async Task TheMarkdownLeaderboardLinksEveryChart()
    {
        var board = await BoardAsync();
        var output = Path.Combine(Path.GetTempPath(), "futuresim-charts", Guid.NewGuid().ToString("N"));
        var charts = ChartWriter.Write(board, output);

        var markdown = Core.Leaderboards.Export.LeaderboardExporters.Markdown.Export(new(board, charts));

        Assert.All(charts, c => Assert.Contains($"![{c.Caption}]({c.RelativePath})", markdown));
    }
}
