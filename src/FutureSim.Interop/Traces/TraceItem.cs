using System.Collections.Immutable;

namespace FutureSim.Interop.Traces;

/// <summary>
/// One thing of a published session trace that the replay needs, in trace order (<see cref="Idx"/>, then
/// <see cref="Order"/> within the event). The shards' day labels are kept only as <see cref="Label"/>:
/// they are unreliable and decide nothing except where a restarted session begins.
/// </summary>
internal sealed record TraceItem
{
    public required long Idx { get; init; }

    /// <summary>The position within the event: 0 for the event itself, then its blocks from 1.</summary>
    public required int Order { get; init; }

    public required DateOnly Label { get; init; }

    public required TraceItemKind Kind { get; init; }

    /// <summary>The session id of the event (Claude Code, OpenCode), or null.</summary>
    public string? Session { get; init; }

    /// <summary>The tool-use id of a call or the one a result answers.</summary>
    public string? Id { get; init; }

    public ForecastTool? Tool { get; init; }

    /// <summary>The <c>question_id</c> argument of a <c>submit_forecasts</c> call, as text.</summary>
    public string? QuestionId { get; init; }

    /// <summary>The <c>outcomes</c> argument of a <c>submit_forecasts</c> call, in the order given; empty when unreadable.</summary>
    public ImmutableArray<KeyValuePair<string, double>> Outcomes { get; init; } = [];

    /// <summary>Why the call's arguments could not be read, or null.</summary>
    public string? ArgumentProblem { get; init; }

    /// <summary>The result's text (unwrapped from the harness's envelope) when it can matter for the replay, else empty.</summary>
    public string Text { get; init; } = "";
}
