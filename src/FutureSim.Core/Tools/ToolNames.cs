namespace FutureSim.Core.Tools;

/// <summary>The tool names agents see, FutureSim's, so that its prompts and agents carry over.</summary>
public static class ToolNames
{
    public const string SearchNews = "search_news";
    public const string GetArticle = "get_article";
    public const string ListQuestions = "list_questions";
    public const string SubmitForecasts = "submit_forecasts";
    public const string NextDay = "next_day";
    public const string ReadNotes = "read_notes";
    public const string WriteNotes = "write_notes";
}
