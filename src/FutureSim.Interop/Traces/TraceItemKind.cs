namespace FutureSim.Interop.Traces;

/// <summary>What a <see cref="TraceItem"/> records.</summary>
internal enum TraceItemKind
{
    /// <summary>The start of a session event (carries its session id and day label).</summary>
    Event,

    /// <summary>A <c>tool_use</c> block of one of the forecast tools.</summary>
    Call,

    /// <summary>A <c>tool_result</c> block.</summary>
    Result,

    /// <summary>A sub-agent launched with <c>run_in_background: true</c>: its own MCP connection is invisible in the trace.</summary>
    BackgroundLaunch,
}
