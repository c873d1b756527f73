namespace FutureSim.Agents.Llm.Judging;

/// <summary>A judge's decision on one (outcome, truth) pair, keyed by their normalised forms, with the judge model and its raw reply for audits.</summary>
internal sealed record Verdict(string Outcome, string Truth, bool Match, string Judge, string Reply);
