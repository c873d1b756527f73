using System.Collections.Immutable;

namespace FutureSim.Core.Scoring;

/// <summary>
/// Calibration of n probability forecasts p_i of events y_i ∈ {0, 1} grouped into bins k (see <see cref="Calibration"/>).
/// The generalised Murphy decomposition holds exactly:
/// <c>Brier = Reliability − Resolution + Uncertainty + WithinBinVariance − WithinBinCovariance</c>, and
/// <c>BinnedBrier = Reliability − Resolution + Uncertainty</c> is the Brier score of the forecasts replaced by their bin means.
/// </summary>
public sealed record CalibrationSummary
{
    public required BinningScheme Scheme { get; init; }

    /// <summary>The number of bins asked for (K); <see cref="Bins"/> lists the non-empty ones.</summary>
    public required int BinCount { get; init; }

    public required int Count { get; init; }

    public required ImmutableArray<ReliabilityBin> Bins { get; init; }

    /// <summary>Expected calibration error: <c>Σ_k (n_k / n) |ȳ_k − p̄_k|</c>.</summary>
    public required double ExpectedCalibrationError { get; init; }

    /// <summary>Sharpness: the variance of the forecasts, <c>(1/n) Σ_i (p_i − p̄)²</c>.</summary>
    public required double Sharpness { get; init; }

    /// <summary><c>(1/n) Σ_i (p_i − y_i)²</c>.</summary>
    public required double Brier { get; init; }

    /// <summary>REL = <c>(1/n) Σ_k n_k (p̄_k − ȳ_k)²</c> (lower is better).</summary>
    public required double Reliability { get; init; }

    /// <summary>RES = <c>(1/n) Σ_k n_k (ȳ_k − ȳ)²</c> (higher is better).</summary>
    public required double Resolution { get; init; }

    /// <summary>UNC = <c>ȳ (1 − ȳ)</c>.</summary>
    public required double Uncertainty { get; init; }

    /// <summary>WBV = <c>(1/n) Σ_k Σ_{i∈k} (p_i − p̄_k)²</c>.</summary>
    public required double WithinBinVariance { get; init; }

    /// <summary>WBC = <c>(2/n) Σ_k Σ_{i∈k} (p_i − p̄_k)(y_i − ȳ_k)</c>.</summary>
    public required double WithinBinCovariance { get; init; }

    /// <summary>REL − RES + UNC: the Brier score of the binned forecasts <c>(1/n) Σ_i (p̄_{k(i)} − y_i)²</c>.</summary>
    public double BinnedBrier => Reliability - Resolution + Uncertainty;
}
