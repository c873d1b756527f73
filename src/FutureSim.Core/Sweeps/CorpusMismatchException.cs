namespace FutureSim.Core.Sweeps;

/// <summary>This machine's index of a sweep's corpus does not have the fingerprint the sweep names: its files differ.</summary>
public sealed class CorpusMismatchException(string expected, string actual, string message) : Exception(message)
{
    public string Expected { get; } = expected;

    public string Actual { get; } = actual;
}
