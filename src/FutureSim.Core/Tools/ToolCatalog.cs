using System.Collections.Immutable;

namespace FutureSim.Core.Tools;

/// <summary>
/// The forecasting tools with FutureSim's names and argument shapes, described once for every adapter
/// (function calling and MCP alike).
/// </summary>
public static class ToolCatalog
{
    public static ImmutableArray<ToolSpec> All { get; } =
    [
        new(
            ToolNames.SearchNews,
            "Search the news that had been published by the simulated today (nothing later exists). Returns up to max_results " +
            "articles, best match first, each with id, title, source, date, url and text. Use get_article with an id to read one " +
            "in full. The query is plain words (no operators). Dates after today are clamped to today and you are told so.",
            """
            {"type":"object","properties":{
              "query":{"type":"string","description":"Plain-language search words, e.g. 'central bank interest rate decision'."},
              "max_results":{"type":"integer","minimum":1,"maximum":10,"default":5,"description":"How many articles to return (1-10)."},
              "from_date":{"type":"string","description":"Optional earliest article date, YYYY-MM-DD."},
              "to_date":{"type":"string","description":"Optional latest article date, YYYY-MM-DD; clamped to today."}},
             "required":["query"]}
            """,
            """{"query": "central bank interest rate decision", "max_results": 5}"""),
        new(
            ToolNames.GetArticle,
            "Read one article in full by the id that search_news returned. An id that does not exist (or whose article has not " +
            "been published yet) gives a not-found error.",
            """{"type":"object","properties":{"id":{"type":"string","description":"The article id from a search_news result."}},"required":["id"]}""",
            """{"id": "<an id from search_news>"}"""),
        new(
            ToolNames.ListQuestions,
            "List the open forecasting questions (id, title, background, resolution criteria, answer type, options, resolution " +
            "date) with your current forecast on each, and the questions already resolved with their true answer and your score. " +
            "A question resolves at the start of its resolution date; the last day to forecast it is the day before.",
            """{"type":"object","properties":{}}""",
            "{}"),
        new(
            ToolNames.SubmitForecasts,
            "Submit or replace your forecast on one open question: a probability for each answer you consider, e.g. " +
            "{\"question_id\": \"q-12\", \"outcomes\": {\"Paris\": 0.6, \"Lyon\": 0.2}}. At most 5 outcomes, each probability between " +
            "0 and 1, summing to at most 1 (unnamed answers share the remainder). Binary questions take \"Yes\" and/or \"No\"; " +
            "multiple-choice questions take their listed options. Only your latest forecast counts.",
            """
            {"type":"object","properties":{
              "question_id":{"type":"string","description":"The question id from list_questions."},
              "outcomes":{"type":"object","description":"Answer -> probability, e.g. {\"Yes\": 0.7} or {\"Paris\": 0.6, \"Lyon\": 0.2}.",
                          "additionalProperties":{"type":"number","minimum":0,"maximum":1}}},
             "required":["question_id","outcomes"]}
            """,
            """{"question_id": "<an id from list_questions>", "outcomes": {"Paris": 0.6, "Lyon": 0.2}}"""),
        new(
            ToolNames.ReadNotes,
            "Read the notes you saved with write_notes on an earlier day (empty at first). Notes persist across days.",
            """{"type":"object","properties":{}}""",
            "{}"),
        new(
            ToolNames.WriteNotes,
            $"Replace your notes with the given text (at most {IForecastingTools.NotesLimit} characters), e.g. your reasoning, " +
            "sources to revisit and lessons from resolved questions. Notes persist across days.",
            """{"type":"object","properties":{"text":{"type":"string","description":"The complete new notes; replaces the old ones."}},"required":["text"]}""",
            """{"text": "what I want to remember"}"""),
        new(
            ToolNames.NextDay,
            "End your day. Call it once you have submitted today's forecasts. It returns when the simulation has moved to the next " +
            "day, with that morning's feedback: how many new articles arrived, which questions resolved (the truth, your forecast " +
            "and your score) and your cumulative performance. Tools then act on the new day. After the last day it says the " +
            "simulation is complete.",
            """{"type":"object","properties":{}}""",
            "{}"),
    ];

    public static ImmutableHashSet<string> Names { get; } = [.. All.Select(t => t.Name)];

    /// <summary>The answer to a call of a tool that does not exist.</summary>
    public static ToolReply Unknown(string name) =>
        ToolReply.Error($"there is no tool named '{name}'. The tools are: {string.Join(", ", Names.Order(StringComparer.Ordinal))}.");
}
