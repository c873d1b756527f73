namespace FutureSim.Interop.Verdicts;

/// <summary>How far a question's official result pinned down the judge's verdicts.</summary>
internal enum InferenceOutcome
{
    /// <summary>Every verdict that decides the BSS and top-1 is known.</summary>
    Pinned,

    /// <summary>The BSS is known but not the verdict on the top outcome (the exact truth is listed lower).</summary>
    TopUnknown,

    /// <summary>Several first matches fit the printed value within its rounding; one was chosen by name.</summary>
    Ambiguous,

    /// <summary>No first match fits: the reconstructed forecast is not the one FutureSim scored.</summary>
    Inconsistent,
}
