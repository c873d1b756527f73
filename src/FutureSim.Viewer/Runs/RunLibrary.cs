using System.Collections.Immutable;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Scoring;
using FutureSim.Interop.Scoring;
using FutureSim.Viewer.Articles;

namespace FutureSim.Viewer.Runs;

/// <summary>
/// The runs the viewer shows and their latest snapshots. A run is read again when its files changed (a run
/// still being written, or rescored), at most once per <see cref="MinimumReloadInterval"/>; until the new
/// snapshot is ready the previous one is served. Reading never takes a lock on the run folder. Thread-safe.
/// </summary>
public sealed class RunLibrary : IDisposable
{
    /// <summary>A running run is re-read at most this often.</summary>
    public static readonly TimeSpan MinimumReloadInterval = TimeSpan.FromSeconds(1);

    private readonly Func<string, IAnswerMatcher> _matcherFor;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Slot> _slots;
    private readonly Lock _gate = new();
    private (string Key, Task<CombinedBoard?> Board)? _combined;
    private (string Key, Task<FutureSimLeaderboard?> Board)? _futureSim;

    /// <param name="runs">The runs to show.</param>
    /// <param name="matcherFor">The answer matcher scoring uses for a run folder (e.g. its own recorded verdicts over the configured matcher).</param>
    /// <param name="articles">Where the runs' articles come from.</param>
    /// <param name="time">Wall time, for the reload interval.</param>
    public RunLibrary(ImmutableArray<RunLocation> runs, Func<string, IAnswerMatcher> matcherFor, ArticleLibrary articles, TimeProvider time)
    {
        Runs = runs;
        Articles = articles;
        _matcherFor = matcherFor;
        _time = time;
        _slots = runs.ToDictionary(r => r.Id, r => new Slot(r), StringComparer.Ordinal);
    }

    public ImmutableArray<RunLocation> Runs { get; }

    public ArticleLibrary Articles { get; }

    /// <summary>The run with this id, or null (ids come from URLs: nothing else is looked up).</summary>
    public RunLocation? Find(string id) => _slots.TryGetValue(id, out var slot) ? slot.Run : null;

    /// <summary>Starts reading every run (and opening their corpora) in the background.</summary>
    public void StartLoading()
    {
        foreach (var run in Runs)
        {
            _ = GetAsync(run, CancellationToken.None).ContinueWith(
                t => { if (t.IsCompletedSuccessfully && t.Result.Manifest is { } m) { _ = Articles.GetAsync(m, CancellationToken.None); } },
                TaskScheduler.Default);
        }
    }

    /// <summary>The run's latest snapshot if one has been read, else null (and the reading is started); never waits.</summary>
    public RunSnapshot? Peek(RunLocation run)
    {
        var task = GetAsync(run, CancellationToken.None);
        return task.IsCompletedSuccessfully ? task.Result : null;
    }

    /// <summary>The run's latest snapshot, reading it again first when its files changed.</summary>
    public async Task<RunSnapshot> GetAsync(RunLocation run, CancellationToken cancellationToken)
    {
        var slot = _slots[run.Id];
        Task<RunSnapshot> current;
        lock (_gate)
        {
            current = slot.Current ??= Load(slot);
            if (current.IsCompletedSuccessfully
                && slot.Next is null
                && current.Result.Stamp != RunStamp.Of(run)
                && _time.GetUtcNow() - slot.LoadedAt >= MinimumReloadInterval)
            {
                var next = Load(slot);
                slot.Next = next;
                _ = next.ContinueWith(
                    t =>
                    {
                        lock (_gate)
                        {
                            slot.Current = t.IsCompletedSuccessfully ? t : slot.Current;
                            slot.Next = null;
                        }
                    },
                    TaskScheduler.Default);
            }
        }

        return await current.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One leaderboard over every run that reads without error (seeds pooled), with bands; null with fewer than two such runs.</summary>
    public async Task<CombinedBoard?> GetCombinedAsync(CancellationToken cancellationToken)
    {
        if (Runs.Length < 2)
        {
            return null;
        }

        var snapshots = await Task.WhenAll(Runs.Select(r => GetAsync(r, cancellationToken))).ConfigureAwait(false);
        var loaded = snapshots.Where(s => s.IsLoaded).ToList();
        var key = string.Join("\n", loaded.Select(s => s.Location.Id + " " + s.Stamp.Tag));
        Task<CombinedBoard?> board;
        lock (_gate)
        {
            if (_combined is not { } cached || cached.Key != key)
            {
                _combined = (key, Task.Run(() => Combine(loaded), CancellationToken.None));
            }

            board = _combined.Value.Board;
        }

        return await board.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// FutureSim's own leaderboard view (per agent, seeds pooled: the daily means and bootstrap standard deviations of
    /// <c>brier_skill_score</c> and <c>top1_accuracy</c>) over the runs imported from FutureSim; null with none, or with
    /// a single run (its run page shows it).
    /// </summary>
    public async Task<FutureSimLeaderboard?> GetFutureSimAsync(CancellationToken cancellationToken)
    {
        if (Runs.Length < 2)
        {
            return null;
        }

        var snapshots = await Task.WhenAll(Runs.Select(r => GetAsync(r, cancellationToken))).ConfigureAwait(false);
        var imported = snapshots.Where(s => s.IsLoaded && s.FutureSimSource is not null).ToList();
        if (imported.Count == 0)
        {
            return null;
        }

        var key = string.Join("\n", imported.Select(s => s.Location.Id + " " + s.Stamp.Tag));
        Task<FutureSimLeaderboard?> board;
        lock (_gate)
        {
            if (_futureSim is not { } cached || cached.Key != key)
            {
                _futureSim = (key, Task.Run<FutureSimLeaderboard?>(
                    async () => FutureSimLeaderboard.Build((await Task.WhenAll(imported.Select(s => s.FutureSimSource!.Value)).ConfigureAwait(false)).SelectMany(r => r)),
                    CancellationToken.None));
            }

            board = _futureSim.Value.Board;
        }

        return await board.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => Articles.Dispose();

    private static CombinedBoard? Combine(List<RunSnapshot> loaded)
    {
        if (loaded.Count < 2)
        {
            return null;
        }

        var scores = loaded.Select(s => s.Scores!).ToList();
        try
        {
            var board = Leaderboard.Build(scores, LeaderboardOptions.Default);
            return new CombinedBoard(board, DailyBands.Compute(board), [.. loaded.Select(s => s.Location.Id)], loaded.Any(s => s.FutureSimSource is not null));
        }
        catch (ArgumentException)
        {
            return null; // runs scored with different options cannot share a leaderboard
        }
    }

    private Task<RunSnapshot> Load(Slot slot)
    {
        slot.LoadedAt = _time.GetUtcNow();
        return Task.Run(async () =>
        {
            var snapshot = await RunSnapshotLoader.LoadAsync(slot.Run, _matcherFor(slot.Run.Folder), CancellationToken.None).ConfigureAwait(false);
            // Ready before the chart and the first question page ask for them, without delaying the leaderboard.
            _ = Task.Run(() => snapshot.Bands);
            _ = Task.Run(() => snapshot.Traces);
            return snapshot;
        });
    }

    private sealed class Slot(RunLocation run)
    {
        public RunLocation Run { get; } = run;

        public Task<RunSnapshot>? Current { get; set; }

        public Task<RunSnapshot>? Next { get; set; }

        public DateTimeOffset LoadedAt { get; set; }
    }
}
