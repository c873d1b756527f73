using FutureSim.Core.Leaderboards;
using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;
using FutureSim.Core.Tests.TestData;

namespace FutureSim.Core.Tests.Leaderboards;

public sealed class DailyBandsTests
{
    private static ScoredRun Score(RunBuilder run) =>
        RunScorer.ScoreAsync(run.Record(), NormalisingAnswerMatcher.Instance, ScoringOptions.Default, CancellationToken.None).GetAwaiter().GetResult();

    private static IReadOnlyList<ScoredRun> TwoSeeds() =>
    [
        Score(Scenario.TwoAgents("run-a", seed: "1")),
        Score(Scenario.TwoAgents("run-b", seed: "2").Forecast("alpha", "F2", 3, ("Lyon", 0.9)).Forecast("alpha", "B1", 2, ("Yes", 0.3))),
    ];

    [Fact]
    public void TheBandsCentreOnTheLeaderboardsDailyCurve()
    {
        var runs = TwoSeeds();
        var board = Leaderboard.Build(runs, LeaderboardOptions.Default);

        var bands = DailyBands.Compute(board);

        for (var e = 0; e < board.Entries.Length; e++)
        {
            Assert.Equal(board.Entries[e].Daily.Select(d => d.Day), bands[e].Select(b => b.Day));
            Assert.Equal(board.Entries[e].Daily.Select(d => d.Skill), bands[e].Select(b => b.Skill?.Value));
            Assert.Equal(board.Entries[e].Daily.Select(d => d.Accuracy), bands[e].Select(b => b.Accuracy?.Value));
            Assert.Equal(board.Entries[e].Daily.Select(d => d.Brier), bands[e].Select(b => b.Brier?.Value));
        }
    }

    [Fact]
    public void EachResampleEqualsTheDailyValueRecomputedFromScratchOnTheDrawnQuestions()
    {
        var runs = TwoSeeds();
        var board = Leaderboard.Build(runs, LeaderboardOptions.Default);
        const int resamples = 50;
        var alpha = board.Entries.Single(e => e.Agent == "alpha");

        var bands = DailyBands.Compute(board, resamples)[board.Entries.IndexOf(alpha)];

        // From scratch: draw the same questions, then on each day average over seeds the ratio over drawn questions.
        var kinds = runs[0].Questions.Select(q => q.Kind == QuestionKind.Binary).ToArray();
        var seed = unchecked((ulong)board.Options.Seed);
        int[] Of(bool binary) => [.. Enumerable.Range(0, kinds.Length).Where(q => kinds[q] == binary)];
        var freeForm = Of(false);
        var binaryQuestions = Of(true);
        var freeFormDraws = Bootstrap.DrawQuestions(freeForm.Length, resamples, SplitMix64.Derive(seed, "daily\nfree_form\n" + alpha.Id));
        var binaryDraws = Bootstrap.DrawQuestions(binaryQuestions.Length, resamples, SplitMix64.Derive(seed, "daily\nbinary\n" + alpha.Id));

        static ScoredForecast? Held(AgentScores scores, int q, DateOnly day) =>
            scores.Forecasts[q].Where(f => f.Day <= day).Select(f => (ScoredForecast?)f).LastOrDefault();

        double Resample(int r, DateOnly day, int[] questions, int[] draws, Func<ScoredForecast?, (double Value, double Counted)> measure)
        {
            var values = runs.Select(run =>
            {
                var scores = run.Agents.Single(a => a.Agent == "alpha");
                var (sum, count) = (0.0, 0.0);
                for (var i = 0; i < questions.Length; i++)
                {
                    var (v, c) = measure(Held(scores, questions[draws[(r * questions.Length) + i]], day));
                    (sum, count) = (sum + v, count + c);
                }

                return count > 0 ? sum / count : double.NaN;
            }).Where(double.IsFinite).ToList();
            return values.Count > 0 ? values.Average() : double.NaN;
        }

        foreach (var band in bands)
        {
            var skill = Enumerable.Range(0, resamples)
                .Select(r => Resample(r, band.Day, freeForm, freeFormDraws, f => (f is { Usable: true } h ? h.Skill : 0, 1))).ToArray();
            var brier = Enumerable.Range(0, resamples)
                .Select(r => Resample(r, band.Day, binaryQuestions, binaryDraws, f => f is { Usable: true } h ? (h.Brier, 1) : (0, 0))).ToArray();
            AssertClose(Bootstrap.Interval(band.Skill!.Value, skill, 0.95), band.Skill);
            if (band.Brier is { } b)
            {
                AssertClose(Bootstrap.Interval(b.Value, brier, 0.95), b);
            }
        }
    }

    [Fact]
    public void AnAgentWithTheSameScoreOnEveryQuestionHasABandOfNoWidth()
    {
        var run = Score(Scenario.Questions(new RunBuilder("flat").Agent("even"))
            .Forecast("even", "B1", 0, ("Yes", 0.5))
            .Forecast("even", "B2", 0, ("Yes", 0.5)));
        var board = Leaderboard.Build([run], LeaderboardOptions.Default);

        var band = DailyBands.Compute(board).Single();

        Assert.All(band, b => Assert.Equal(new Estimate(0.25, 0.25, 0.25), b.Brier));
    }

    private static void AssertClose(Estimate? expected, Estimate? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Value, actual.Value, 12);
        Assert.Equal(expected.Lower!.Value, actual.Lower!.Value, 12);
        Assert.Equal(expected.Upper!.Value, actual.Upper!.Value, 12);
    }
}
