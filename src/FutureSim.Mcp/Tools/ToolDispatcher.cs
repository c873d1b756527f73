using System.Text.Json;
using FutureSim.Core.Tools;

namespace FutureSim.Mcp.Tools;

/// <summary>
/// Turns one MCP tool call (name and JSON arguments) into a call on the agent's <see cref="IForecastingTools"/>
/// and renders the result with <see cref="ToolText"/>, exactly as in-process agents get it. <c>next_day</c>
/// is not handled here: it moves the simulation, which is the session's business.
/// </summary>
internal static class ToolDispatcher
{
    public static ToolReply Invoke(IForecastingTools tools, string name, IDictionary<string, JsonElement>? raw)
    {
        var arguments = new ToolArguments(raw);
        string? error = null;
        switch (name)
        {
            case ToolNames.SearchNews:
            {
                var query = arguments.Text("query", required: true, ref error);
                var maxResults = arguments.Integer("max_results", 5, ref error);
                var from = arguments.Text("from_date", required: false, ref error);
                var to = arguments.Text("to_date", required: false, ref error);
                if (error is not null)
                {
                    return ToolReply.Error(error);
                }

                var result = tools.SearchNews(query!, maxResults, from, to);
                return new ToolReply(ToolText.Render(result), result.Error is not null);
            }

            case ToolNames.GetArticle:
            {
                var id = arguments.Text("id", required: true, ref error);
                if (error is not null)
                {
                    return ToolReply.Error(error);
                }

                var result = tools.GetArticle(id!);
                return new ToolReply(ToolText.Render(result), result.Article is null);
            }

            case ToolNames.ListQuestions:
                return ToolReply.Ok(ToolText.Render(tools.ListQuestions()));

            case ToolNames.SubmitForecasts:
            {
                var questionId = arguments.Text("question_id", required: true, ref error);
                var outcomes = arguments.Outcomes("outcomes", ref error);
                if (error is not null)
                {
                    return ToolReply.Error(error);
                }

                var result = tools.SubmitForecasts(questionId!, outcomes!);
                return new ToolReply(ToolText.Render(result), !result.Accepted);
            }

            case ToolNames.ReadNotes:
            {
                var notes = tools.ReadNotes();
                return ToolReply.Ok(notes.Length == 0 ? "You have no notes yet." : notes);
            }

            case ToolNames.WriteNotes:
            {
                var text = arguments.Text("text", required: true, ref error);
                if (error is not null)
                {
                    return ToolReply.Error(error);
                }

                // The tools refuse over-long notes with a message (and record the call); the client sees it as an error.
                var reply = tools.WriteNotes(text!);
                return text!.Length > IForecastingTools.NotesLimit ? ToolReply.Error(reply) : ToolReply.Ok(reply);
            }

            default:
                return UnknownTool(name);
        }
    }

    public static ToolReply UnknownTool(string name) =>
        ToolReply.Error($"there is no tool '{name}'. The tools are: {string.Join(", ", ToolCatalog.All.Select(t => t.Name))}.");
}
