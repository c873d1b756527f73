using System.Collections.Immutable;

namespace FutureSim.Core.Questions;

/// <summary>
/// The truth of a question: hidden from agents until the question resolves. Binary questions resolve
/// to <see cref="Yes"/> or <see cref="No"/>.
/// </summary>
public sealed record QuestionResolution
{
    public const string Yes = "Yes";
    public const string No = "No";

    public required string Answer { get; init; }

    /// <summary>Other acceptable forms of the answer for the matcher.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
}
