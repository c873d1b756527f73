using System.Collections.Immutable;

namespace FutureSim.Core.Questions;

/// <summary>
/// A forecasting question as the harness knows it, truth included. Agents never receive this record:
/// they see a market view built by the tool surface, which reveals <see cref="Resolution"/> only after
/// the question has resolved.
/// </summary>
public sealed record Question
{
    public required QuestionId Id { get; init; }

    public required string Title { get; init; }

    public string Background { get; init; } = "";

    public string ResolutionCriteria { get; init; } = "";

    public required QuestionKind Kind { get; init; }

    /// <summary>A short hint for the expected answer, e.g. "Name (person)"; for binary questions "binary".</summary>
    public string AnswerType { get; init; } = "";

    /// <summary>The options of a multiple-choice question; Yes/No for binary; empty for free-form.</summary>
    public ImmutableArray<string> Options { get; init; } = [];

    /// <summary>The instant from which the question is listed to agents.</summary>
    public required DateTimeOffset OpensAt { get; init; }

    /// <summary>The question resolves at the start of this day, before agents act; the last day to forecast is the day before.</summary>
    public required DateOnly ResolutionDate { get; init; }

    public required QuestionResolution Resolution { get; init; }

    /// <summary>A crowd probability (binary questions with market data), else null.</summary>
    public CrowdForecast? Crowd { get; init; }

    /// <summary>The name of the question set the question came from.</summary>
    public string QuestionSet { get; init; } = "";

    /// <summary>Where the question came from (e.g. "polymarket"), when known.</summary>
    public string? Origin { get; init; }

    public string? Url { get; init; }
}
