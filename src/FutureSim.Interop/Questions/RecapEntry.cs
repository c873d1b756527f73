using System.Collections.Immutable;

namespace FutureSim.Interop.Questions;

/// <summary>
/// One question in the results part of a <c>next_day</c> reply: its title (questions are keyed by title
/// there), the agent's final distribution as the environment printed it (2 decimals, environment order;
/// null when the agent never forecast it), the truth, and the official per-question Brier value.
/// </summary>
internal sealed record RecapEntry(string Title, ImmutableArray<KeyValuePair<string, double>>? Distribution, string Truth, OfficialResult? Result);
