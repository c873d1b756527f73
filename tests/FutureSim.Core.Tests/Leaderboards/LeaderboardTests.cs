using System.Collections.Immutable;
using FsCheck.Xunit;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Leaderboards.Export;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Tests.Golden;
using FutureSim.Core.Tests.TestData;

namespace FutureSim.Core.Tests.Leaderboards;

public sealed class LeaderboardTests
{
    private static ScoredRun Score(RunBuilder run) => Score(run.Record());

    private static ScoredRun Score(RunRecord record) =>
        RunScorer.ScoreAsync(record, NormalisingAnswerMatcher.Instance, ScoringOptions.Default, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Two seeds of alpha and beta (the second seed's alpha firms up on F2 on day 3) and gamma's failed run.</summary>
    internal static IReadOnlyList<ScoredRun> ThreeRuns() =>
    [
        Score(Scenario.TwoAgents("run-a", seed: "1")),
        Score(Scenario.TwoAgents("run-b", seed: "2").Forecast("alpha", "F2", 3, ("Lyon", 0.9))),
        Score(Scenario.Gamma("run-c")),
    ];

    private static readonly LeaderboardOptions Options = LeaderboardOptions.Default;

    private static string Json(Leaderboard board) => LeaderboardExporters.Json.Export(new(board));

    [Fact]
    public void RunsThatDifferOnlyInTheirSeedArePooledIntoOneEntryPerAgent()
    {
        var board = Leaderboard.Build(ThreeRuns(), Options);

        Assert.Equal(["alpha", "beta", "gamma"], board.Entries.Select(e => e.Agent));
        Assert.Equal(["run-a", "run-b"], board.Entries[0].RunIds.ToArray());
        Assert.Equal(["run-a", "run-b"], board.Entries[1].RunIds.ToArray());
        Assert.Equal(["run-c"], board.Entries[2].RunIds.ToArray());
        Assert.Equal(3, board.Entries.Select(e => e.ConfigurationId).Distinct().Count());
    }

    [Fact]
    public void ASingleSeedReproducesTheHandComputedScores()
    {
        var alpha = Leaderboard.Build([Score(Scenario.TwoAgents())], Options).Entries.Single(e => e.Agent == "alpha");

        Assert.Equal(0.775, alpha.FreeForm![LeaderboardMetrics.Skill]!.Value, 12);
        Assert.Equal(1.0, alpha.FreeForm[LeaderboardMetrics.Accuracy]!.Value, 12);
        Assert.Equal((65.5 + 30) / 2, alpha.FreeForm[LeaderboardMetrics.TimeWeighted]!.Value, 12);
        Assert.Equal(65.5 + 30, alpha.FreeForm[LeaderboardMetrics.TimeWeightedFutureSim]!.Value, 12); // summed over questions
        Assert.Equal(1.0, alpha.FreeForm.Coverage);

        // Binary: only B1 {Yes .8} was forecast in time. Brier .04; uniform .25 → .84; base rate .5 → .84; crowd .7 → 1 − .04/.09.
        Assert.Equal(0.5, alpha.Binary!.Coverage);
        Assert.Equal(0.04, alpha.Binary[LeaderboardMetrics.Brier]!.Value, 12);
        Assert.Equal(0.84, alpha.Binary[LeaderboardMetrics.SkillVsUniform]!.Value, 12);
        Assert.Equal(0.84, alpha.Binary[LeaderboardMetrics.SkillVsBaseRate]!.Value, 12);
        Assert.Equal(1 - (0.04 / 0.09), alpha.Binary[LeaderboardMetrics.SkillVsCrowd]!.Value, 12);
        Assert.Equal(1, alpha.Binary.CrowdQuestions);
    }

    [Fact]
    public void AbstentionsAgentFailuresAndHarnessFailuresAreCountedSeparately()
    {
        var board = Leaderboard.Build(ThreeRuns(), Options);
        var beta = board.Entries.Single(e => e.Agent == "beta");
        var gamma = board.Entries.Single(e => e.Agent == "gamma");

        Assert.Equal(0, beta.FreeForm!.Forecasts);
        Assert.Equal(0, beta.FreeForm[LeaderboardMetrics.Skill]!.Value);
        Assert.Null(beta.Binary![LeaderboardMetrics.Brier]);
        Assert.Equal(2, beta.Failures["timeout"]);
        Assert.Equal(2, beta.Refusals);
        Assert.Equal((0, 0), (beta.FailedRuns, beta.IncompleteRuns));
        Assert.Equal((1, 1), (gamma.FailedRuns, gamma.IncompleteRuns));
        Assert.Equal(1, gamma.Failures["endpoint"]);
    }

    [Fact]
    public void EntriesAreRankedPerKindAndComparedInPairs()
    {
        var board = Leaderboard.Build(ThreeRuns(), Options);

        Assert.Equal(1, board.Entries.Single(e => e.Agent == "alpha").FreeForm!.Rank);
        Assert.Equal(3, board.Entries.Single(e => e.Agent == "beta").Binary!.Rank);
        Assert.Equal(3, board.Comparisons.Count(c => c.Kind == "free_form"));
        Assert.Single(board.Comparisons, c => c.Kind == "binary");
        Assert.All(board.Comparisons, c => Assert.InRange(c.PValue!.Value, 0, 1));
    }

    [Fact]
    public void ARunGivenTwiceIsRejected() =>
        Assert.Throws<ArgumentException>(() => Leaderboard.Build([Score(Scenario.TwoAgents()), Score(Scenario.TwoAgents())], Options));

    [Property(MaxTest = 20)]
    public bool TheOrderOfTheRunsDoesNotChangeTheOutput(int seed)
    {
        var runs = ThreeRuns();
        var random = new Random(seed);
        var shuffled = runs.OrderBy(_ => random.Next()).ToList();
        return Json(Leaderboard.Build(runs, Options)) == Json(Leaderboard.Build(shuffled, Options));
    }

    [Fact]
    public void TheOrderOfQuestionsAndAgentsInTheRunFolderDoesNotChangeTheScores()
    {
        var run = Scenario.TwoAgents();
        var record = run.Record();
        var reversed = record with
        {
            Questions = [.. record.Questions.Reverse()],
            Manifest = record.Manifest with { Agents = [.. record.Manifest.Agents.Reverse()] },
        };
        var a = Score(record);
        var b = Score(reversed);

        Assert.Equal(DailyMetricsCsv.Render(a), DailyMetricsCsv.Render(b));
        Assert.Equal(QuestionScoresCsv.Render(a), QuestionScoresCsv.Render(b));
    }

    [Fact]
    public void ACliAgentThatRanWithoutItsSandboxIsMarkedOnItsRow()
    {
        var record = Scenario.TwoAgents().Record();
        AgentSpec CliAgent(string name, string? sandbox) => new()
        {
            Name = name,
            Kind = "cli-harness",
            Settings = sandbox is null
                ? ImmutableSortedDictionary<string, string>.Empty
                : ImmutableSortedDictionary.CreateRange([KeyValuePair.Create("Sandbox", sandbox)]),
        };

        var board = Leaderboard.Build([Score(record with { Manifest = record.Manifest with { Agents = [CliAgent("alpha", "none"), CliAgent("beta", "bubblewrap")] } })], Options);
        var older = Leaderboard.Build([Score(record with { Manifest = record.Manifest with { Agents = [CliAgent("alpha", null), record.Manifest.Agents[1]] } })], Options);

        Assert.Equal([true, false], board.Entries.Select(e => e.Unsandboxed));
        Assert.Equal([true, false], older.Entries.Select(e => e.Unsandboxed));
        var markdown = LeaderboardExporters.Markdown.Export(new(board));
        Assert.Contains("| alpha (unsandboxed) |", markdown);
        Assert.DoesNotContain("beta (unsandboxed)", markdown);
        Assert.Contains("Agents marked (unsandboxed) ran a shell outside the sandbox", markdown);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Json(board), "\"unsandboxed\": true"));
    }
}
