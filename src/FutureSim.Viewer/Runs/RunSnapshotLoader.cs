using System.Collections.Immutable;
using FutureSim.Agents.Llm;
using FutureSim.Core.Input;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Corpus.Questions;

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
            var record = RunFolderReader.Read(run.Folder, keepToolCalls: true);
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
                Bands = DailyBands.Compute(board, [scores]),
                Traces = new RunTraces(record),
                Leaks = QuestionLeakScan.Find(record.Questions),
                Usage = ModelUsageFile.ReadRun(run.Folder),
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
}
