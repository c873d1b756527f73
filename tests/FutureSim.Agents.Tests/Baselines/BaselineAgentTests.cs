using FutureSim.Agents.Baselines;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.TestKit;
using static FutureSim.TestKit.TestData;

namespace FutureSim.Agents.Tests.Baselines;

public sealed class BaselineAgentTests
{
    private static IForecastingAgent Create(string kind) =>
        new BaselineAgentFactory().Create(new AgentSpec { Name = kind, Kind = kind }, new AgentEnvironment(Path.GetTempPath(), TimeProvider.System));

    private static RunHarness Harness() => new(
        [
            Article("n1", "2025-05-01", "Election campaign", "Polls show Alice Smith ahead of Bob Jones in the presidential election."),
            Article("n2", "2025-05-02", "Election debate", "Alice Smith and Bob Jones debate; Alice Smith gains."),
            Article("n3", "2025-05-09", "Alice Smith wins", "Alice Smith wins the presidential election."),
        ],
        [
            Binary("b1", "2025-05-01", "2025-05-03", yes: true, crowd: 0.8, crowdFrom: "2025-05-02"),
            Binary("b2", "2025-05-01", "2025-05-09", yes: false),
            FreeForm("f1", "2025-05-01", "2025-05-09", "Alice Smith") with { Title = "Who will win the presidential election by 9 May 2025?" },
        ],
        "2025-05-01",
        "2025-05-08");

    private static async Task<IReadOnlyList<ForecastSubmitted>> ForecastsOf(string kind)
    {
        using var harness = Harness();
        var folder = await harness.RunAsync("r", (kind, Create(kind)));
        var events = RunHarness.Events(folder);
        Assert.Empty(events.OfType<AgentFailed>());
        return [.. events.OfType<ForecastSubmitted>()];
    }

    [Fact]
    public async Task AbstainNeverForecasts() => Assert.Empty(await ForecastsOf(BaselineAgentFactory.Abstain));

    [Fact]
    public async Task UniformForecastsHalfOnceOnEachBinaryQuestionAndAbstainsOnFreeForm()
    {
        var forecasts = await ForecastsOf(BaselineAgentFactory.Uniform);
        Assert.Equal(["b1", "b2"], forecasts.Select(f => f.QuestionId.Value).Order());
        Assert.All(forecasts, f => Assert.Equal(0.5, f.Outcomes["Yes"]));
    }

    [Fact]
    public async Task CrowdForecastsTheCrowdOnlyFromItsFreezeInstant()
    {
        var forecast = Assert.Single(await ForecastsOf(BaselineAgentFactory.Crowd));
        Assert.Equal((Day("2025-05-02"), 0.8), (forecast.Day, forecast.Outcomes["Yes"]));
    }

    [Fact]
    public async Task BaseRateLearnsFromResolvedBinaryQuestions()
    {
        var onB2 = (await ForecastsOf(BaselineAgentFactory.BaseRate)).Where(f => f.QuestionId.Value == "b2").ToArray();
        Assert.Equal(0.5, onB2[0].Outcomes["Yes"]);
        // b1 resolved Yes on 2025-05-03: (1 + 1) / (1 + 2).
        Assert.Equal((Day("2025-05-03"), 0.6667), (onB2[1].Day, onB2[1].Outcomes["Yes"]));
    }

    [Fact]
    public async Task NewsFrequencyPutsMostMassOnTheNameTheVisibleNewsMentionsMost()
    {
        var forecasts = (await ForecastsOf(BaselineAgentFactory.NewsFrequency)).Where(f => f.QuestionId.Value == "f1").ToArray();
        Assert.NotEmpty(forecasts);
        var last = forecasts[^1].Outcomes;
        Assert.Equal("Alice Smith", last.MaxBy(o => o.Value).Key);
        Assert.Contains("Bob Jones", last.Keys);
        Assert.True(last.Values.Sum() <= NewsFrequencyAgent.Mass + 1e-9);
    }

    [Fact]
    public void AnUnknownKindIsRejectedWithTheKindsThatExist()
    {
        var error = Assert.Throws<ArgumentException>(() => Create("oracle"));
        Assert.Contains("news-frequency", error.Message);
    }

    [Theory]
    [InlineData("HitsPerQuestoin", "3", "'HitsPerQuestoin' is not a setting")]
    [InlineData("HitsPerQuestion", "30", "'HitsPerQuestion' must be a whole number from 1 to 10")]
    public void AMisspeltOrOutOfRangeSettingIsAnErrorNamingIt(string key, string value, string expected)
    {
        var spec = new AgentSpec
        {
            Name = "news", Kind = BaselineAgentFactory.NewsFrequency,
            Settings = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(key, value)]),
        };

        var error = Assert.Throws<ArgumentException>(() => new BaselineAgentFactory().Create(spec, new AgentEnvironment(Path.GetTempPath(), TimeProvider.System)));

        Assert.Contains(expected, error.Message);
    }
}
