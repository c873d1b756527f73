namespace FutureSim.Interop.Traces;

/// <summary>How an import decides free-form matches for the imported runs.</summary>
public enum VerdictSource
{
    /// <summary>Judge verdicts inferred from FutureSim's printed per-question results, the normalised string matcher for the rest.</summary>
    Inferred,

    /// <summary>The normalised string matcher alone (no verdict file is written).</summary>
    String,
}
