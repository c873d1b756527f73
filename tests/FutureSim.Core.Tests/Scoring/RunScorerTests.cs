using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;
using FutureSim.Core.Tests.TestData;

namespace FutureSim.Core.Tests.Scoring;

public sealed class RunScorerTests
{
    private const int Precision = 12;

    private static Task<ScoredRun> ScoreAsync(RunBuilder run, IAnswerMatcher? matcher = null) =>
        RunScorer.ScoreAsync(run.Record(), matcher ?? NormalisingAnswerMatcher.Instance, ScoringOptions.Default, CancellationToken.None);

    [Fact]
    public async Task DailyCurvesScoreResolvedQuestionsWithTheirLastForecastBeforeResolution()
    {
        var alpha = (await ScoreAsync(Scenario.TwoAgents())).Agents.Single(a => a.Agent == "alpha");

        // F1: {Paris .3} → 1 − .7² = .51 on day 0; {Paris .6, Rome .2} → 1 − (.4² + .2²) = .80 from day 1,
        // kept after F1 resolves on day 2. F2: {Lyon .5} → .75 from day 2. Two free-form questions.
        Assert.Equal([0.255, 0.40, 0.775, 0.775], alpha.Daily.Select(d => Math.Round(d.Skill!.Value, Precision)));
        Assert.Equal([0.51, 0.80, 0.775, 0.775], alpha.Daily.Select(d => Math.Round(d.SkillOverForecast!.Value, Precision)));
        Assert.Equal([0.5, 0.5, 1.0, 1.0], alpha.Daily.Select(d => d.Accuracy!.Value));
        Assert.Equal([0.15, 0.30, 0.55, 0.55], alpha.Daily.Select(d => Math.Round(d.TruthMass!.Value, Precision)));
        Assert.Equal([1, 1, 2, 2], alpha.Daily.Select(d => d.FreeFormForecast));
        Assert.Equal([0, 1, 2, 3], alpha.Daily.Select(d => d.Resolved));
    }

    [Fact]
    public async Task ABinaryForecastMadeOnTheResolutionDayIsIgnored()
    {
        var alpha = (await ScoreAsync(Scenario.TwoAgents())).Agents.Single(a => a.Agent == "alpha");

        // B2 resolved at the start of day 1, so alpha's day-1 forecast came too late; only B1 {Yes .8} counts.
        Assert.All(alpha.Daily, d => Assert.Equal(1, d.BinaryForecast));
        Assert.All(alpha.Daily, d => Assert.Equal(0.04, d.Brier!.Value, Precision));
        Assert.All(alpha.Daily, d => Assert.Equal(Math.Log(0.8), d.LogScore!.Value, Precision));
        Assert.All(alpha.Daily, d => Assert.Equal(1.0, d.BinaryAccuracy));
        var b2 = alpha.Questions.Single(q => q.QuestionId.Value == "B2");
        Assert.False(b2.Forecast);
        Assert.Null(b2.Brier);
    }

    [Fact]
    public async Task TimeWeightedScoreWeighsEachForecastByTheDaysItWasHeld()
    {
        var alpha = (await ScoreAsync(Scenario.TwoAgents())).Agents.Single(a => a.Agent == "alpha");

        // F1 window [day 0, day 2): 100 · (.51 · 1 + .80 · 1) / 2 = 65.5.
        // F2 window [day 0, day 5): nothing on days 0–1, .75 on days 2 and 3 → 100 · 1.5 / 5 = 30 so far.
        Assert.Equal(65.5, alpha.Questions.Single(q => q.QuestionId.Value == "F1").TimeWeighted!.Value, Precision);
        Assert.Equal(30, alpha.Questions.Single(q => q.QuestionId.Value == "F2").TimeWeighted!.Value, Precision);
        Assert.Equal([12.75, 32.75, 40.25, 47.75], alpha.Daily.Select(d => Math.Round(d.TimeWeighted!.Value, Precision)));
    }

    [Fact]
    public async Task FutureSimsTimeWeightedScoreCountsEveryQuestionFromDayZeroAndOursFromItsOpenDay()
    {
        // F3 opens on day 2 and resolves on day 6; {Lyon .5} (BSS .75) is held on days 2 and 3 of the run.
        var run = new RunBuilder(days: 4).Agent("alpha").FreeForm("F3", "Lyon", 6).OpensOn("F3", 2).Forecast("alpha", "F3", 2, ("Lyon", 0.5));

        var f3 = (await ScoreAsync(run)).Agents.Single().Questions.Single();

        // From its open day, window [day 2, day 6): 100 · .75 · 2 / 4 = 37.5; from day 0, [day 0, day 6): 100 · .75 · 2 / 6 = 25.
        Assert.Equal(37.5, f3.TimeWeighted!.Value, Precision);
        Assert.Equal(25, f3.TimeWeightedFutureSim!.Value, Precision);
    }

    [Fact]
    public async Task AnAgentThatNeverForecastsScoresZeroOverAllQuestionsAndIsCountedAsAbstaining()
    {
        var beta = (await ScoreAsync(Scenario.TwoAgents())).Agents.Single(a => a.Agent == "beta");

        Assert.All(beta.Daily, d => Assert.Equal(0, d.Skill));
        Assert.All(beta.Daily, d => Assert.Null(d.SkillOverForecast));
        Assert.All(beta.Daily, d => Assert.Null(d.Brier));
        Assert.All(beta.Questions, q => Assert.False(q.Forecast));
        Assert.Equal(1, beta.Refusals);
        Assert.Equal(1, beta.Failures["timeout"]);
        Assert.Equal([0, 1, 0, 0], beta.Daily.Select(d => d.Failures));
        Assert.Equal([0, 0, 1, 0], beta.Daily.Select(d => d.Refusals));
    }

    [Fact]
    public async Task TheBaseRateIsTheShareOfYesAmongTheBinaryQuestions() =>
        Assert.Equal(0.5, (await ScoreAsync(Scenario.TwoAgents())).BinaryBaseRate);

    [Fact]
    public async Task AnOutcomeEqualToTheTruthMatchesWithoutAskingTheMatcherAndEachOtherNameIsAskedOnce()
    {
        var matcher = new CountingMatcher();
        await ScoreAsync(Scenario.TwoAgents().Forecast("beta", "F1", 0, ("Rome", 0.5)), matcher);

        // "Paris" and "Lyon" equal their truths; "Rome" is named by both agents on F1 but asked about once.
        Assert.Equal(["F1:Rome"], matcher.Asked);
    }

    [Fact]
    public async Task OnlyTheFirstOutcomeInProbabilityOrderThatMatchesTheTruthCountsAsTheTruth()
    {
        var run = new RunBuilder(days: 1).Agent("alpha").FreeForm("F", "Paris", 3)
            .Forecast("alpha", "F", 0, ("paris", 0.2), ("Paris!", 0.5));
        var score = (await ScoreAsync(run)).Agents[0].Questions[0];

        // Both names match after normalisation; "Paris!" (0.5) comes first: 1 − ((.5 − 1)² + .2²) = .71.
        Assert.Equal(0.71, score.Skill!.Value, Precision);
        Assert.Equal(0.7, score.TruthMass!.Value, Precision);
        Assert.True(score.TopOneCorrect);
        Assert.Equal(0.5, score.TopProbability);
    }

    [Fact]
    public async Task AnEmptyFreeFormForecastIsAnAbstentionScoringZero()
    {
        var run = new RunBuilder(days: 1).Agent("alpha").FreeForm("F", "Paris", 3).Forecast("alpha", "F", 0);
        var score = (await ScoreAsync(run)).Agents[0];
        Assert.False(score.Questions[0].Forecast);
        Assert.Equal(0, score.Questions[0].Skill);
        Assert.Equal(0, score.Daily[0].FreeFormForecast);
        Assert.Equal(1, score.Submissions);
    }

    [Fact]
    public async Task DailyMetricsCsvHasOneRowPerDayAndAgent()
    {
        var csv = DailyMetricsCsv.Render(await ScoreAsync(Scenario.TwoAgents()));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(DailyMetricsCsv.Header, lines[0]);
        Assert.Equal(9, lines.Length);
        Assert.Equal(
            "2026-01-03,alpha,4,3,2,1,0,0,2,1,0.040000,-0.223144,1.000000,2,2,0.775000,0.775000,1.000000,0.550000,40.250000",
            lines[5]);
        Assert.Equal("2026-01-03,beta,4,0,2,0,1,0,2,0,,,,2,0,0.000000,,0.000000,0.000000,0.000000", lines[6]);
    }

    [Fact]
    public async Task QuestionScoresCsvListsOutcomesInFutureSimOrder()
    {
        var csv = QuestionScoresCsv.Render(await ScoreAsync(Scenario.TwoAgents()));
        Assert.Contains("alpha,F1,FreeForm,Paris,2026-01-03,2026-01-02,Paris=0.600000;Rome=0.200000,,,,,0.800000,1,0.600000,0.600000,65.500000", csv);
        Assert.Contains("beta,B1,Binary,Yes,2026-01-04,,,,,,,,,,,", csv);
    }

    private sealed class CountingMatcher : IAnswerMatcher
    {
        public List<string> Asked { get; } = [];

        public ValueTask<bool> MatchesAsync(string outcome, QuestionResolution truth, CancellationToken cancellationToken)
        {
            Asked.Add($"{(truth.Answer == "Paris" ? "F1" : "F2")}:{outcome}");
            return ValueTask.FromResult(false);
        }
    }
}
