namespace FutureSim.Core.Tools;

/// <summary>
/// The score shown to an agent for one resolved question, a Brier skill score on both kinds so that
/// higher is better, abstaining scores 0 and a certain correct forecast scores 1:
/// free-form and multiple choice use FutureSim's <c>1 − Σ_{o ∈ named ∪ {truth}} (p(o) − 1[o = truth])²</c>;
/// binary questions use <c>1 − (p − y)² / 0.25</c>, the Brier skill against the uniform 0.5 reference.
/// <see cref="Formula"/> names which.
/// </summary>
public sealed record FeedbackScore(double Value, bool TopOneCorrect, string Formula)
{
    public const string FreeFormFormula = "futuresim_bss";
    public const string BinaryFormula = "brier_skill_vs_uniform";

    /// <summary>The score of not forecasting.</summary>
    public static FeedbackScore Abstained(bool binary) => new(0, false, binary ? BinaryFormula : FreeFormFormula);
}
