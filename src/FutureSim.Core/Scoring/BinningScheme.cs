namespace FutureSim.Core.Scoring;

/// <summary>How forecasts are grouped into reliability bins.</summary>
public enum BinningScheme
{
    /// <summary>K bins of width 1/K over [0, 1]; bin k holds p in [k/K, (k+1)/K), the last bin includes 1.</summary>
    EqualWidth,

    /// <summary>
    /// Forecasts sorted by p and cut into K groups whose sizes differ by at most one, except that equal forecasts
    /// always share a group (a cut between them moves forward past them): groups never depend on the outcomes, and
    /// with ties there may be fewer than K.
    /// </summary>
    EqualCount,
}
