using System.Collections.Immutable;
using System.Text.Json;
using FutureSim.Core.Tools;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Llm;

/// <summary>
/// The tool surface offered to the model as function declarations with FutureSim's names and
/// argument shapes, and the dispatch of the model's calls to <see cref="IForecastingTools"/>. Every
/// call is answered with text (<see cref="ToolText"/>); unknown tools and malformed arguments are
/// answered with an error text the model can act on, never an exception. <c>next_day</c> is declared
/// here but handled by the agent, because it ends the day.
/// </summary>
internal static class ForecastingToolset
{
    public static IList<AITool> Declarations { get; } =
    [
        Declare(ToolNames.SearchNews,
            "Search the news published up to today. Returns the best-matching articles with id, title, source, dates and text.",
            """
            {"type":"object","properties":{
              "query":{"type":"string","description":"What to search for, in plain words."},
              "max_results":{"type":"integer","minimum":1,"maximum":10,"default":5,"description":"How many articles to return (at most 10)."},
              "from_date":{"type":"string","description":"Only articles published on or after this date, YYYY-MM-DD."},
              "to_date":{"type":"string","description":"Only articles published on or before this date, YYYY-MM-DD (clamped to today)."}},
             "required":["query"]}
            """),
        Declare(ToolNames.GetArticle,
            "Read one article in full by its id (from search_news).",
            """{"type":"object","properties":{"id":{"type":"string","description":"The article id."}},"required":["id"]}"""),
        Declare(ToolNames.ListQuestions,
            "List the open questions with your current forecast on each, and the resolved questions with their truth and your score.",
            """{"type":"object","properties":{}}"""),
        Declare(ToolNames.SubmitForecasts,
            "Set your forecast on one open question, replacing any earlier one. At most 5 outcomes, probabilities in [0, 1] summing to at most 1.",
            """
            {"type":"object","properties":{
              "question_id":{"type":"string","description":"The question id from list_questions."},
              "outcomes":{"type":"object","additionalProperties":{"type":"number","minimum":0,"maximum":1},
                "description":"Each answer mapped to its probability, e.g. {\"Paris\": 0.6, \"Lyon\": 0.2}. Binary questions: \"Yes\"/\"No\"."}},
             "required":["question_id","outcomes"]}
            """),
        Declare(ToolNames.ReadNotes,
            "Read your notes, kept across days.",
            """{"type":"object","properties":{}}"""),
        Declare(ToolNames.WriteNotes,
            "Replace your notes with this text (kept across days).",
            """{"type":"object","properties":{"text":{"type":"string","description":"The whole new text of your notes."}},"required":["text"]}"""),
        Declare(ToolNames.NextDay,
            "End today. The simulation moves to the next day and you receive the next morning's briefing.",
            """{"type":"object","properties":{}}"""),
    ];

    private static readonly ImmutableDictionary<string, string> Examples = new Dictionary<string, string>
    {
        [ToolNames.SearchNews] = """{"query": "central bank interest rate decision", "max_results": 5}""",
        [ToolNames.GetArticle] = """{"id": "<an id from search_news>"}""",
        [ToolNames.ListQuestions] = "{}",
        [ToolNames.SubmitForecasts] = """{"question_id": "<an id from list_questions>", "outcomes": {"Paris": 0.6, "Lyon": 0.2}}""",
        [ToolNames.ReadNotes] = "{}",
        [ToolNames.WriteNotes] = """{"text": "what I want to remember"}""",
        [ToolNames.NextDay] = "{}",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Runs one tool call (not <c>next_day</c>) and returns the text the model reads.</summary>
    public static string Invoke(FunctionCallContent call, IForecastingTools tools)
    {
        if (!Examples.TryGetValue(call.Name, out var example))
        {
            return $"Error: there is no tool named '{call.Name}'. The tools are: {string.Join(", ", Examples.Keys.Order(StringComparer.Ordinal))}.";
        }

        if (call.Exception is not null)
        {
            return $"Error: the arguments of {call.Name} are not valid JSON ({ModelCalls.ChatRecordFormat.InnermostMessage(call.Exception)}). Send one JSON object, e.g. {example}.";
        }

        var arguments = new ToolArguments(call.Name, call.Arguments);
        try
        {
            return call.Name switch
            {
                ToolNames.SearchNews => ToolText.Render(tools.SearchNews(
                    arguments.RequiredString("query"), arguments.OptionalInteger("max_results", 5), arguments.OptionalString("from_date"), arguments.OptionalString("to_date"))),
                ToolNames.GetArticle => ToolText.Render(tools.GetArticle(arguments.RequiredString("id"))),
                ToolNames.ListQuestions => ToolText.Render(tools.ListQuestions()),
                ToolNames.SubmitForecasts => ToolText.Render(tools.SubmitForecasts(arguments.RequiredString("question_id"), arguments.Outcomes("outcomes"))),
                ToolNames.ReadNotes => tools.ReadNotes() is { Length: > 0 } notes ? notes : "Your notes are empty.",
                ToolNames.WriteNotes => tools.WriteNotes(arguments.RequiredText("text")),
                _ => throw new InvalidOperationException($"{call.Name} is handled by the agent."),
            };
        }
        catch (ToolArgumentException e)
        {
            return $"Error: {e.Message} Example: {example}";
        }
    }

    private static AIFunctionDeclaration Declare(string name, string description, string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return AIFunctionFactory.CreateDeclaration(name, description, document.RootElement.Clone());
    }
}
