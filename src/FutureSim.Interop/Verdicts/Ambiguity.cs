using System.Collections.Immutable;

namespace FutureSim.Interop.Verdicts;

/// <summary>A question whose official result fits several first matches: the outcomes in environment order and the fitting positions (−1: none).</summary>
internal sealed record Ambiguity(string QuestionId, ImmutableArray<KeyValuePair<string, double>> Ordered, ImmutableArray<int> Fits, string Truth, string Basis);
