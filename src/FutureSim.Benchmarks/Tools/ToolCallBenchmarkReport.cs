using System.Collections.Immutable;

namespace FutureSim.Benchmarks.Tools;

/// <summary>
/// The harness's own time per tool call in microseconds — argument parsing, the tool, rendering its reply — by tool
/// and over all calls, and what the checks found: calls whose reply was an error, <c>get_article</c> calls that
/// missed, and calls missing from the run's event log.
/// </summary>
public sealed record ToolCallBenchmarkReport(
    int OpenQuestions,
    int Calls,
    ImmutableSortedDictionary<string, LatencySummary> Tools,
    int Errors,
    int ArticleMisses,
    int CallsMade,
    int CallsRecorded)
{
    /// <summary>The checks that failed; empty when every call succeeded, every article was found and every call was recorded.</summary>
    public ImmutableArray<string> Problems { get; } =
    [
        .. Errors > 0 ? [$"{Errors} list_questions or submit_forecasts calls answered with an error."] : Array.Empty<string>(),
        .. ArticleMisses > 0 ? [$"{ArticleMisses} get_article calls did not find an article search_news had returned."] : Array.Empty<string>(),
        .. CallsRecorded != CallsMade ? [$"The event log records {CallsRecorded} tool calls; {CallsMade} were made."] : Array.Empty<string>(),
    ];
}
