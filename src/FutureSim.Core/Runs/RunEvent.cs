using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Runs;

/// <summary>
/// One line of a run's append-only <c>events.jsonl</c>, the source of truth for scoring and resume.
/// The <c>type</c> discriminator and snake_case field names are the on-disk format (version
/// <see cref="RunFormat.Version"/>), documented in the README.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(DayStarted), "day_started")]
[JsonDerivedType(typeof(QuestionResolved), "question_resolved")]
[JsonDerivedType(typeof(ToolCalled), "tool_call")]
[JsonDerivedType(typeof(ForecastSubmitted), "forecast")]
[JsonDerivedType(typeof(ForecastRefused), "refusal")]
[JsonDerivedType(typeof(NotesSaved), "notes")]
[JsonDerivedType(typeof(AgentFailed), "agent_failure")]
[JsonDerivedType(typeof(DayCompleted), "day_completed")]
[JsonDerivedType(typeof(RunCompleted), "run_completed")]
public abstract record RunEvent
{
    /// <summary>The event format version.</summary>
    [JsonPropertyOrder(-10)]
    public int V { get; init; } = RunFormat.Version;

    /// <summary>The simulated day the event belongs to.</summary>
    [JsonPropertyOrder(-9)]
    public required DateOnly Day { get; init; }
}

/// <summary>The clock advanced to <see cref="RunEvent.Day"/>; agents act as of <see cref="AsOf"/>.</summary>
public sealed record DayStarted : RunEvent
{
    public required DateTimeOffset AsOf { get; init; }
}

/// <summary>A question resolved at the start of the day, before agents acted.</summary>
public sealed record QuestionResolved : RunEvent
{
    public required QuestionId QuestionId { get; init; }

    public required string Answer { get; init; }
}

/// <summary>One tool call of one agent, with what it returned (article ids and their visibility instants).</summary>
public sealed record ToolCalled : RunEvent
{
    public required string Agent { get; init; }

    /// <summary>The call's position among the agent's calls that day (1-based).</summary>
    public required int Seq { get; init; }

    public required string Tool { get; init; }

    public required JsonElement Arguments { get; init; }

    /// <summary>An error message when the call was refused or malformed, else null.</summary>
    public string? Error { get; init; }

    public ImmutableArray<string> ArticleIds { get; init; } = [];

    public ImmutableArray<DateTimeOffset> VisibleAt { get; init; } = [];

    /// <summary>Notices returned with the result, e.g. a clamped date range.</summary>
    public ImmutableArray<string> Notices { get; init; } = [];
}

/// <summary>An accepted forecast; the latest one per agent and question wins.</summary>
public sealed record ForecastSubmitted : RunEvent
{
    public required string Agent { get; init; }

    public required QuestionId QuestionId { get; init; }

    public required ImmutableSortedDictionary<string, double> Outcomes { get; init; }
}

/// <summary>A forecast the harness refused, with the message the agent received.</summary>
public sealed record ForecastRefused : RunEvent
{
    public required string Agent { get; init; }

    public required string QuestionId { get; init; }

    public required string Reason { get; init; }
}

/// <summary>The agent's notes as it left them at the end of the day (persist across days and resumes).</summary>
public sealed record NotesSaved : RunEvent
{
    public required string Agent { get; init; }

    public required string Text { get; init; }
}

/// <summary>An agent failed its day (threw or ran out of time); the run went on.</summary>
public sealed record AgentFailed : RunEvent
{
    public required string Agent { get; init; }

    /// <summary><c>exception</c>, <c>timeout</c> or <c>endpoint</c>.</summary>
    public required string Kind { get; init; }

    public required string Message { get; init; }
}

/// <summary>Every agent finished the day and all of the day's events precede this line.</summary>
public sealed record DayCompleted : RunEvent;

/// <summary>The last simulated day completed; the run is over.</summary>
public sealed record RunCompleted : RunEvent;
