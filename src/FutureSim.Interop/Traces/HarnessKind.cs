namespace FutureSim.Interop.Traces;

/// <summary>How a native harness talks to FutureSim's MCP server, which decides how its day advances.</summary>
internal enum HarnessKind
{
    /// <summary>Claude Code: results come in a later user event; a new session id is a new MCP server.</summary>
    ClaudeCode,

    /// <summary>OpenCode: the result is a second block of the call's event; sessions as Claude Code.</summary>
    OpenCode,

    /// <summary>Codex: <c>next_day</c> returns at once and every call ends the day; tool-use ids repeat across days.</summary>
    Codex,
}
