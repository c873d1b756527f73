namespace FutureSim.Benchmarks.Retrieval;

/// <summary>The failed checks of one instant of a dense search benchmark, in words.</summary>
internal static class DenseSearchProblems
{
    public static IEnumerable<string> Of(DenseSearchBenchmarkRow row) => Of(row.AsOf, row.CutoffViolations, row.ShortResults);

    public static IEnumerable<string> Of(DateTimeOffset asOf, int cutoffViolations, int shortResults)
    {
        if (cutoffViolations > 0)
        {
            yield return FormattableString.Invariant($"{cutoffViolations} results as of {asOf:O} were stored as visible after it.");
        }

        if (shortResults > 0)
        {
            yield return FormattableString.Invariant($"{shortResults} searches as of {asOf:O} did not return exactly min(10, visible) results.");
        }
    }
}
