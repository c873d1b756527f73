namespace FutureSim.Interop.Questions;

/// <summary>
/// FutureSim's own result for one question in one run, as printed in the trace: the Brier skill value (2
/// decimals in <c>next_day</c> recaps, full precision in a printed <c>state.json</c>), and from
/// <c>state.json</c> whether the top outcome was judged correct and which outcome it was.
/// </summary>
/// <param name="Brier">The official per-question Brier skill score.</param>
/// <param name="Decimals">How many decimals <paramref name="Brier"/> was printed with (2, or null for full precision).</param>
/// <param name="TopCorrect">Whether the judge accepted the top outcome, when printed.</param>
/// <param name="TopOutcome">The top outcome as printed with <paramref name="TopCorrect"/>.</param>
internal sealed record OfficialResult(double Brier, int? Decimals, bool? TopCorrect = null, string? TopOutcome = null);
