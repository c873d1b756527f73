using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.TestKit;

/// <summary>Builders of small, readable test records.</summary>
public static class TestData
{
    public static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Article Article(string id, string visibleDay, string title, string body = "") => new()
    {
        Id = new ArticleId(id),
        VisibleAt = SimulatedTime.StartOf(Day(visibleDay)).AddHours(12),
        PublishedOn = Day(visibleDay),
        Source = "Test Wire",
        Title = title,
        Body = body.Length == 0 ? title : body,
    };

    public static Question FreeForm(string id, string opens, string resolves, string answer, params string[] aliases) => new()
    {
        Id = new QuestionId(id),
        Title = $"Who will it be ({id})?",
        Kind = QuestionKind.FreeForm,
        AnswerType = "Name",
        OpensAt = SimulatedTime.StartOf(Day(opens)),
        ResolutionDate = Day(resolves),
        Resolution = new QuestionResolution { Answer = answer, Aliases = [.. aliases] },
        QuestionSet = "test",
    };

    public static Question Binary(string id, string opens, string resolves, bool yes, double? crowd = null, string? crowdFrom = null) => new()
    {
        Id = new QuestionId(id),
        Title = $"Will it happen ({id})?",
        Kind = QuestionKind.Binary,
        AnswerType = "binary",
        Options = [QuestionResolution.Yes, QuestionResolution.No],
        OpensAt = SimulatedTime.StartOf(Day(opens)),
        ResolutionDate = Day(resolves),
        Resolution = new QuestionResolution { Answer = yes ? QuestionResolution.Yes : QuestionResolution.No },
        Crowd = crowd is { } c ? new CrowdForecast(SimulatedTime.StartOf(Day(crowdFrom ?? opens)), c) : null,
        QuestionSet = "test",
    };

    public static RunManifest Manifest(string runId, string start, string end, params string[] agents) => new()
    {
        RunId = runId,
        Status = RunStatus.Running,
        Simulation = new SimulationSettings { Start = Day(start), End = Day(end), AgentDayTimeout = TimeSpan.FromSeconds(5) },
        Corpus = new CorpusIdentity("in-memory", VisibilityPolicy.Strict, 0),
        QuestionSets = [new QuestionSetInfo("test", "test.jsonl", "", 0)],
        Agents = [.. agents.Select(a => new AgentSpec { Name = a, Kind = "test" })],
    };
}
