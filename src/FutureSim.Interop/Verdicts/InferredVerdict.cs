namespace FutureSim.Interop.Verdicts;

/// <summary>A judge verdict on (outcome, truth) inferred from FutureSim's printed result of one question.</summary>
internal sealed record InferredVerdict(string QuestionId, string Outcome, string Truth, bool Match, string Basis);
