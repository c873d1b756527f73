using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Corpus.Questions;
using FutureSim.Interop.Scoring;

namespace FutureSim.Viewer.Runs;

/// <summary>Reads a run folder into a <see cref="RunSnapshot"/>; a folder that cannot be read gives a snapshot carrying the error.</summary>
public static class RunSnapshotLoader
{
    public static async Task<RunSnapshot> LoadAsync(RunLocation run, IAnswerMatcher matcher, CancellationToken cancellationToken)
    {
        var stamp = RunStamp.Of(run);
        RunManifest? manifest = null;
        try
        {
            manifest = RunFolderReader.ReadManifest(Path.Combine(run.Folder, RunFolderLayout.Manifest));

            // Scoring reads the log without its tool calls (most of its bytes); the traces read it again in full, later.
            var record = RunFolderReader.Read(run.Folder);
            var scores = await RunScorer.ScoreAsync(record, matcher, ScoringOptions.Default, cancellationToken).ConfigureAwait(false);
            var board = Leaderboard.Build([scores], LeaderboardOptions.Default);
            return new RunSnapshot
            {
                Location = run,
                Stamp = stamp,
                Manifest = record.Manifest,
                Record = record,
                Scores = scores,
                Board = board,
                BandsSource = new Lazy<ImmutableArray<ImmutableArray<DailyBand>>>(() => DailyBands.Compute(board)),
                TracesSource = new Lazy<RunTraces>(() => Traces(run, record)),
                LeaksSource = new Lazy<ImmutableArray<QuestionLeak>>(() => QuestionLeakScan.Find(record.Questions)),
                FutureSimSource = IsFutureSimImport(record.Manifest)
                    ? new Lazy<Task<ImmutableArray<FutureSimRunScores>>>(() => Task.Run(() => FutureSimDailyScorer.ScoreAsync(record, matcher, CancellationToken.None)))
                    : null,
                Usage = record.ModelUsage,
                QuestionIndex = scores.Questions.Select((q, i) => (q.Id, i)).ToImmutableDictionary(x => x.Id, x => x.i),
            };
        }
        catch (InvalidInputException e)
        {
            return new RunSnapshot { Location = run, Stamp = stamp, Manifest = manifest, Error = e.Error };
        }
        catch (IOException e)
        {
            return new RunSnapshot { Location = run, Stamp = stamp, Manifest = manifest, Error = new RecordError(run.Folder, 0, e.Message) };
        }
    }

    /// <summary>Whether the run was imported from FutureSim's published traces or one of its run folders.</summary>
    public static bool IsFutureSimImport(RunManifest manifest) =>
        manifest.ImportedFrom?.Format.StartsWith("futuresim", StringComparison.Ordinal) == true;

    /// <summary>
    /// The run's traces from a full read of its log, kept to the days <paramref name="scored"/> completed (a run being
    /// written may have moved on since); a log that no longer reads gives the traces of the scored events alone.
    /// </summary>
    private static RunTraces Traces(RunLocation run, RunRecord scored)
    {
        try
        {
            var full = RunFolderReader.Read(run.Folder, keepToolCalls: true);
            var last = scored.Days.IsEmpty ? DateOnly.MinValue : scored.Days[^1];
            return new RunTraces(full with { Events = [.. full.Events.TakeWhile(e => e.Day <= last && !(e is RunCompleted && !scored.IsComplete))] });
        }
        catch (Exception e) when (e is InvalidInputException or IOException)
        {
            return new RunTraces(scored);
        }
    }
}
