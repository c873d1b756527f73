using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Runs;

/// <summary>
/// A validated, immutable snapshot of one run folder: its manifest, its questions (truth included) and
/// the events of its completed days. Build one with <see cref="RunFolderReader.Read(string)"/> or, for a run held
/// in memory, <see cref="Create"/>; both apply the same validation.
/// </summary>
public sealed record RunRecord
{
    /// <summary>Where the record came from (the run folder, or a name for an in-memory run); used in messages.</summary>
    public required string Source { get; init; }

    public required RunManifest Manifest { get; init; }

    /// <summary>The run's questions in the order they were written.</summary>
    public required ImmutableArray<Question> Questions { get; init; }

    /// <summary>
    /// The events of every completed day (a day is complete once its <c>day_completed</c> line is
    /// written), in log order. Events of a trailing unfinished day are left out and reported in
    /// <see cref="Warnings"/>. Tool calls are checked (day and agent) but kept only when asked for
    /// (<see cref="RunFolderReader.Read(string, bool)"/>): scoring does not use them.
    /// </summary>
    public required ImmutableArray<RunEvent> Events { get; init; }

    /// <summary>The completed simulated days, in order.</summary>
    public required ImmutableArray<DateOnly> Days { get; init; }

    /// <summary>Whether the log ends with <c>run_completed</c>.</summary>
    public required bool IsComplete { get; init; }

    /// <summary>
    /// The bytes of <c>events.jsonl</c> that hold the completed days (up to and including the last
    /// <c>day_completed</c> or <c>run_completed</c> line): a resumed run cuts the log there and appends. 0 in memory.
    /// </summary>
    public long CompletedLength { get; init; }

    /// <summary>The model usage of each agent that has a usage file (<see cref="RunFolderLayout.ModelUsage"/>), by agent name.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<ModelUsage>> ModelUsage { get; init; } =
        ImmutableSortedDictionary<string, ImmutableArray<ModelUsage>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Problems that did not stop reading: a cut-off last line, an unfinished last day.</summary>
    public required ImmutableArray<RecordError> Warnings { get; init; }

    /// <summary>
    /// Builds a record from a run held in memory (e.g. by the runner after each day), validating it
    /// exactly as <see cref="RunFolderReader.Read(string)"/> validates a folder; event positions stand in for line numbers.
    /// </summary>
    /// <exception cref="InvalidInputException">The events contradict the manifest or the questions.</exception>
    public static RunRecord Create(RunManifest manifest, IEnumerable<Question> questions, IEnumerable<RunEvent> events, string source = "(memory)")
    {
        var questionList = questions.ToImmutableArray();
        var log = new RunEventLog(Path.Combine(source, RunFolderLayout.Events), manifest, questionList);
        long line = 0;
        foreach (var runEvent in events)
        {
            log.Add(runEvent, ++line);
        }

        return log.ToRecord(source, []);
    }
}
