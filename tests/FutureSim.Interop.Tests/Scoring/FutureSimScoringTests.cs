using System.Text.Json;
using FutureSim.Interop.Scoring;

namespace FutureSim.Interop.Tests.Scoring;

public sealed class FutureSimScoringTests
{
    private static readonly Func<string, bool> FullNameOfSdf = name => name is "Syrian Democratic Forces" or "SDF";

    [Fact]
    public void TheExactTruthStringCountsBeforeAnEarlierOutcomeTheJudgeAccepts()
    {
        var (skill, top) = FutureSimForecastScore.Score([new("Syrian Democratic Forces", 0.58), new("SDF", 0.1)], "SDF", FullNameOfSdf);

        Assert.Equal(1 - ((0.58 * 0.58) + (0.9 * 0.9)), skill, 12);
        Assert.True(top); // top-1 asks the judge about the top outcome even though the exact truth is listed lower
    }

    [Fact]
    public void WithoutTheExactTruthTheFirstAcceptedOutcomeInEnvironmentOrderIsTheTruth()
    {
        // Equal probabilities are ordered by name: "Alpha" before "Beta"; only the first accepted one counts.
        var (skill, top) = FutureSimForecastScore.Score([new("Beta", 0.3), new("Alpha", 0.3)], "A", _ => true);

        Assert.Equal(1 - ((0.7 * 0.7) + (0.3 * 0.3)), skill, 12);
        Assert.True(top);
        Assert.Equal((0.0, false), FutureSimForecastScore.Score([], "A", _ => true));
        Assert.Equal(1 - 0.09 - 1, FutureSimForecastScore.Score([new("B", 0.3)], "A", _ => false).Skill, 12);
    }

    [Fact]
    public void TheLeaderboardMeansSeedsAndItsBootstrapIsDeterministicWithThePublishedFields()
    {
        var runs = new[] { Run("r00", [1, 0, 0]), Run("r01", [0, 0, 0]) };

        var board = FutureSimLeaderboard.Build(runs, resamples: 200);
        var again = FutureSimLeaderboard.Build(runs, resamples: 200);

        var point = Assert.Single(Assert.Single(board.Agents).Points);
        Assert.Equal((1.0 / 3 + 0) / 2, point.BrierSkillScoreMean, 12);
        Assert.True(point.BrierSkillScoreStd > 0);
        Assert.Equal(FutureSimLeaderboardJson.Leaderboard(board), FutureSimLeaderboardJson.Leaderboard(again));
        using var json = JsonDocument.Parse(FutureSimLeaderboardJson.Leaderboard(board));
        Assert.Equal(["version", "created_at_utc", "method", "bootstrap_samples", "models", "warnings"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var published = json.RootElement.GetProperty("models")[0].GetProperty("points")[0];
        Assert.Equal(
            ["date", "brier_skill_score_mean", "brier_skill_score_std", "top1_accuracy_mean", "top1_accuracy_std", "seed_count", "question_count"],
            published.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void TheComparisonHoldsWithinToleranceAndSaysWhereItDiffers()
    {
        var day = new DateOnly(2026, 3, 28);
        OfficialMetrics Metrics(double bss, double accuracy) => new()
        {
            Runs = [("agent", "r00", "id", System.Collections.Immutable.ImmutableSortedDictionary.CreateRange([new KeyValuePair<DateOnly, (double, double)>(day, (bss, accuracy))]))],
            Agents = System.Collections.Immutable.ImmutableSortedDictionary<string, System.Collections.Immutable.ImmutableSortedDictionary<DateOnly, (double Bss, double Accuracy)>>.Empty,
        };

        Assert.Contains("| holds |", OfficialComparison.Markdown(Metrics(0.1004, 20.0), Metrics(0.1, 20.0), new()), StringComparison.Ordinal);
        Assert.Contains("**differs**", OfficialComparison.Markdown(Metrics(0.102, 20.0), Metrics(0.1, 20.0), new()), StringComparison.Ordinal);
    }

    private static FutureSimRunScores Run(string seed, double[] skills) => new()
    {
        RunId = "agent-" + seed,
        Agent = "agent",
        Questions = [new("q1"), new("q2"), new("q3")],
        Daily = [new FutureSimDailyPoint(new DateOnly(2026, 3, 28), skills.Average(), 100 * skills.Count(s => s > 0) / 3.0)],
        SkillByDay = [[.. skills]],
        TopByDay = [[.. skills.Select(s => s > 0 ? 1.0 : 0.0)]],
    };
}
