namespace FutureSim.Interop.Verdicts;

/// <summary>
/// One line of a judge verdict file: the same record as the LLM judge's verdict cache (<c>outcome</c>,
/// <c>truth</c> — both as cache keys —, <c>match</c>, <c>judge</c>, <c>reply</c>), so either reader can use it.
/// Inferred verdicts name their judge <see cref="RunVerdicts.InferredJudge"/>, say in <c>reply</c> what they were
/// inferred from, and carry the question they were inferred on (FutureSim's judge was not consistent across
/// questions with the same truth); a reader that keys by pair ignores it.
/// </summary>
public sealed record RecordedVerdict(string Outcome, string Truth, bool Match, string Judge, string Reply)
{
    /// <summary>The question the verdict was taken on, or null for a verdict on the pair alone.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? QuestionId { get; init; }
}
