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

    /// <summary>
    /// The one reading of a binary truth, used by scoring, the feedback agents get and validation alike:
    /// <see cref="Yes"/> → true, <see cref="No"/> → false, ignoring case; anything else → null.
    /// </summary>
    public static bool? BinaryTruth(string answer) =>
        string.Equals(answer, Yes, StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(answer, No, StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>Whether a binary truth is Yes (see <see cref="BinaryTruth"/>).</summary>
    public static bool IsYes(string answer) => BinaryTruth(answer) == true;
}
