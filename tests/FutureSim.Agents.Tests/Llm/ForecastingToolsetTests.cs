using System.Collections.Immutable;
using System.Text.Json;
using FsCheck.Xunit;
using FutureSim.Agents.Llm;
using FutureSim.Core.Tools;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Tests.Llm;

public sealed class ForecastingToolsetTests
{
    [Fact]
    public void TheToolsAreDeclaredWithFutureSimNamesAndArguments()
    {
        var declared = ForecastingToolset.Declarations.Cast<AIFunctionDeclaration>().ToDictionary(d => d.Name);

        Assert.Equal(
            [ToolNames.GetArticle, ToolNames.ListQuestions, ToolNames.NextDay, ToolNames.ReadNotes, ToolNames.SearchNews, ToolNames.SubmitForecasts, ToolNames.WriteNotes],
            declared.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["query", "max_results", "from_date", "to_date"], Properties(declared[ToolNames.SearchNews]));
        Assert.Equal(["question_id", "outcomes"], Properties(declared[ToolNames.SubmitForecasts]));
        Assert.Equal(["id"], Properties(declared[ToolNames.GetArticle]));
    }

    [Fact]
    public void ArgumentsAreReadLenientlyButNeverGuessed()
    {
        var tools = new CollectingTools();

        ForecastingToolset.Invoke(Call(ToolNames.SearchNews, """{"query": "rates", "max_results": "3", "to_date": "2026-01-02"}"""), tools);
        ForecastingToolset.Invoke(Call(ToolNames.SubmitForecasts, """{"question_id": 17, "outcomes": "{\"Paris\": \"0.6\", \"Lyon\": 0.2}"}"""), tools);
        var refused = ForecastingToolset.Invoke(Call(ToolNames.SubmitForecasts, """{"question_id": "q1", "outcomes": {"Paris": "likely"}}"""), tools);

        Assert.Equal(["search_news rates 3 null 2026-01-02", "submit_forecasts 17 Lyon=0.2 Paris=0.6"], tools.Calls);
        Assert.Equal("Error: invalid arguments for submit_forecasts: the probability of 'Paris' must be a number between 0 and 1; got \"likely\". Example: {\"question_id\": \"<an id from list_questions>\", \"outcomes\": {\"Paris\": 0.6, \"Lyon\": 0.2}}", refused);
    }

    [Property(MaxTest = 300)]
    public bool AnyArgumentsGetATextAnswerAndNeverAnException(string? raw, bool asJson, byte tool)
    {
        var names = new[] { ToolNames.SearchNews, ToolNames.GetArticle, ToolNames.ListQuestions, ToolNames.SubmitForecasts, ToolNames.ReadNotes, ToolNames.WriteNotes, "no_such_tool" };
        var value = asJson && raw is not null && TryParse(raw, out var parsed) ? parsed : JsonSerializer.SerializeToElement(raw);
        var arguments = new Dictionary<string, object?> { ["query"] = value, ["max_results"] = value, ["id"] = value, ["question_id"] = value, ["outcomes"] = value, ["text"] = value, ["from_date"] = value };
        var call = new FunctionCallContent("c", names[tool % names.Length], arguments);

        return ForecastingToolset.Invoke(call, new CollectingTools()) is { Length: > 0 };
    }

    private static bool TryParse(string raw, out JsonElement element)
    {
        try
        {
            element = JsonDocument.Parse(raw).RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    private static FunctionCallContent Call(string name, string json) =>
        FunctionCallContent.CreateFromParsedArguments(json, "c1", name, j => JsonSerializer.Deserialize<Dictionary<string, object?>>(j));

    private static string[] Properties(AIFunctionDeclaration declaration) =>
        [.. declaration.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];

    /// <summary>Tools that accept everything and remember what they were asked.</summary>
    private sealed class CollectingTools : IForecastingTools
    {
        public List<string> Calls { get; } = [];

        public DateOnly Today => new(2026, 1, 2);

        public DayBriefing Briefing => new(Today, null, 0, 0, [], 0, 0, 0);

        public SearchNewsResult SearchNews(string query, int maxResults = 5, string? fromDate = null, string? toDate = null)
        {
            Calls.Add($"search_news {query} {maxResults} {fromDate ?? "null"} {toDate ?? "null"}");
            return new SearchNewsResult([], [], null);
        }

        public GetArticleResult GetArticle(string id) => new(null, $"No article with id '{id}'.");

        public MarketView ListQuestions() => new(Today, [], []);

        public SubmissionResult SubmitForecasts(string questionId, IReadOnlyDictionary<string, double> outcomes)
        {
            Calls.Add($"submit_forecasts {questionId} {string.Join(" ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"))}");
            return new SubmissionResult(true, "ok");
        }

        public string ReadNotes() => "";

        public string WriteNotes(string text) => "saved";
    }
}
