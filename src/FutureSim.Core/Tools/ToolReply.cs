namespace FutureSim.Core.Tools;

/// <summary>The text a tool call answers with, and whether it is an error the caller should correct.</summary>
public sealed record ToolReply(string Text, bool IsError)
{
    public static ToolReply Ok(string text) => new(text, false);

    public static ToolReply Error(string message) => new("Error: " + message, true);
}
