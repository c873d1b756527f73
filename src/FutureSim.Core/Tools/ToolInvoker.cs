using System.Text.Json;

namespace FutureSim.Core.Tools;

/// <summary>
/// Runs one tool call given by name and JSON arguments — as function calling and MCP deliver them — on an
/// agent's <see cref="IForecastingTools"/>, and answers with the text of <see cref="ToolText"/>. Malformed
/// arguments and unknown tools are answered with an error the model can act on (with an example call),
/// never an exception. <c>next_day</c> is not handled here: it ends the day, which is the adapter's business.
/// </summary>
public static class ToolInvoker
{
    public static ToolReply Invoke(IForecastingTools tools, string name, IReadOnlyDictionary<string, JsonElement>? arguments)
    {
        var spec = ToolCatalog.All.FirstOrDefault(t => t.Name == name);
        if (spec is null)
        {
            return Refused(tools, name, arguments, ToolCatalog.Unknown(name));
        }

        if (name == ToolNames.NextDay)
        {
            throw new ArgumentException("next_day ends the day and is handled by the adapter.", nameof(name));
        }

        var read = new ToolArguments(name, arguments);
        try
        {
            switch (name)
            {
                case ToolNames.SearchNews:
                    var search = tools.SearchNews(read.RequiredString("query"), read.OptionalInteger("max_results", 5), read.OptionalString("from_date"), read.OptionalString("to_date"));
                    return new ToolReply(ToolText.Render(search), search.Error is not null);
                case ToolNames.GetArticle:
                    var article = tools.GetArticle(read.RequiredString("id"));
                    return new ToolReply(ToolText.Render(article), article.Article is null);
                case ToolNames.ListQuestions:
                    return ToolReply.Ok(ToolText.Render(tools.ListQuestions()));
                case ToolNames.SubmitForecasts:
                    var submission = tools.SubmitForecasts(read.RequiredString("question_id"), read.Outcomes("outcomes"));
                    return new ToolReply(ToolText.Render(submission), !submission.Accepted);
                case ToolNames.ReadNotes:
                    return ToolReply.Ok(tools.ReadNotes() is { Length: > 0 } notes ? notes : "Your notes are empty.");
                default:
                    var text = read.RequiredText("text");
                    var saved = tools.WriteNotes(text);
                    return text.Length > IForecastingTools.NotesLimit ? ToolReply.Error(saved) : ToolReply.Ok(saved);
            }
        }
        catch (ToolArgumentException e)
        {
            return Refused(tools, name, arguments, ToolReply.Error($"{e.Message} Example: {spec.Example}"));
        }
    }

    /// <summary>The answer to a call whose arguments are not JSON at all (recorded with empty arguments).</summary>
    public static ToolReply Unreadable(IForecastingTools tools, string name, string problem) =>
        Refused(tools, name, null, ToolCatalog.All.FirstOrDefault(t => t.Name == name) is { } spec
            ? ToolReply.Error($"the arguments of {name} are not valid JSON ({problem}). Send one JSON object, e.g. {spec.Example}.")
            : ToolCatalog.Unknown(name));

    /// <summary>Records a call that never reached a tool, so that the event log holds every call.</summary>
    private static ToolReply Refused(IForecastingTools tools, string name, IReadOnlyDictionary<string, JsonElement>? arguments, ToolReply reply)
    {
        if (tools is IToolCallRecorder recorder)
        {
            var recorded = JsonSerializer.SerializeToElement(
                arguments ?? new Dictionary<string, JsonElement>(), Runs.RunFormat.Json);
            recorder.RecordRefusedCall(name, recorded, reply.Text);
        }

        return reply;
    }
}
