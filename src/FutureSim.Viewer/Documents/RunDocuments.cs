using System.Runtime.CompilerServices;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Leaderboards.Export;
using FutureSim.Core.Runs;
using FutureSim.Viewer.Runs;

namespace FutureSim.Viewer.Documents;

/// <summary>The run-level documents: the list of runs, a run's status, its leaderboard with bands and usage, and its audit.</summary>
internal static class RunDocuments
{
    public static object Summary(RunSnapshot s) => new
    {
        id = s.Location.Id,
        folder = s.Location.Folder,
        status = s.Manifest?.Status.ToString().ToLowerInvariant(),
        complete = s.Record?.IsComplete ?? false,
        days = s.Record?.Days.Length ?? 0,
        total_days = s.Manifest?.Simulation.Days().Count() ?? 0,
        first_day = s.Record is { Days.Length: > 0 } r ? r.Days[0].ToString("yyyy-MM-dd") : null,
        last_day = s.Record is { Days.Length: > 0 } l ? l.Days[^1].ToString("yyyy-MM-dd") : null,
        agents = s.Manifest?.Agents.Select(a => a.Name).ToArray() ?? [],
        questions = s.Record?.Questions.Length ?? 0,
        stamp = s.Stamp.Tag,
        imported = FutureSimDocuments.Provenance(s.Manifest?.ImportedFrom),
        futuresim = s.FutureSimSource is not null,
        error = Error(s.Error),
        warnings = s.Record?.Warnings.Select(Error).ToArray() ?? [],
    };

    public static object? Error(RecordError? error) => error is null ? null : new
    {
        file = error.File,
        line = error.Line,
        problem = error.Problem,
        text = error.ToString(),
    };

    /// <summary>A run not read yet, from its manifest alone.</summary>
    public static object Reading(RunLocation run)
    {
        RunManifest? manifest = null;
        try
        {
            manifest = RunFolderReader.ReadManifest(Path.Combine(run.Folder, RunFolderLayout.Manifest));
        }
        catch (InvalidInputException)
        {
            // Shown with its error once read.
        }

        return new
        {
            id = run.Id,
            folder = run.Folder,
            status = manifest?.Status.ToString().ToLowerInvariant(),
            reading = true,
            total_days = manifest?.Simulation.Days().Count() ?? 0,
            agents = manifest?.Agents.Select(a => a.Name).ToArray() ?? [],
            warnings = Array.Empty<object>(),
        };
    }

    public static object Runs(IReadOnlyList<object> runs, bool combined) => new { runs, combined };

    public static object Status(RunSnapshot s) => new { stamp = s.Stamp.Tag, days = s.Record?.Days.Length ?? 0, complete = s.Record?.IsComplete ?? false, error = Error(s.Error) };

    public static object Leaderboard(RunSnapshot s) => s.Board is null
        ? new { run = Summary(s), leaderboard = (object?)null, usage = Array.Empty<object>() }
        : new
        {
            run = Summary(s),
            leaderboard = (object?)Board(s.Board),
            kinds = Kinds,
            usage = s.Usage.Select(u => new
            {
                agent = u.Key,
                days = u.Value.Length,
                calls = u.Value.Sum(d => d.Calls),
                input_tokens = u.Value.Sum(d => d.InputTokens),
                output_tokens = u.Value.Sum(d => d.OutputTokens),
                cost = ViewJson.Number(u.Value.Sum(d => d.Cost)),
            }).ToArray(),
        };

    /// <summary>The daily bands of the run's leaderboard entries (a document of their own: computed after the tables).</summary>
    public static object RunBands(RunSnapshot s) => new { bands = s.Board is null ? [] : Bands(s.Board, s.Bands) };

    public static object Combined(CombinedBoard combined) => new
    {
        runs = combined.RunIds,
        futuresim = combined.FutureSim,
        leaderboard = Board(combined.Board),
        kinds = Kinds,
        bands = Bands(combined.Board, combined.Bands),
    };

    /// <summary>The ranked tables' kinds and columns, from the metric table (<see cref="LeaderboardMetrics"/>), in output order.</summary>
    private static readonly object[] Kinds =
    [
        .. new[] { LeaderboardMetric.FreeFormKind, LeaderboardMetric.BinaryKind }.Select(kind => new
        {
            kind,
            title = LeaderboardMetric.KindTitle(kind),
            columns = LeaderboardMetrics.Of(kind).Select(m => new { id = m.Id, header = m.Header, signed = m.Signed }).ToArray(),
        }),
    ];

    /// <summary>The leaderboard exactly as <c>leaderboard.json</c> renders it.</summary>
    public static JsonElement Board(Leaderboard board) => Rendered.GetValue(board, b =>
    {
        using var document = JsonDocument.Parse(LeaderboardExporters.Json.Export(new LeaderboardReport(b)));
        return new StrongBox<JsonElement>(document.RootElement.Clone());
    }).Value;

    /// <summary>Each leaderboard rendered once (a snapshot's board lives as long as the snapshot).</summary>
    private static readonly ConditionalWeakTable<Leaderboard, StrongBox<JsonElement>> Rendered = [];

    public static object Audit(RunSnapshot s) => new
    {
        run = Summary(s),
        leaks = s.Leaks.Select(l => new
        {
            question = l.Question.Value,
            term = l.Term,
            found_in = l.FoundIn.Value,
            field = l.Field,
            excerpt = l.Excerpt,
            own = l.InOwnQuestion,
        }).ToArray(),
        manifest = s.Manifest is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(s.Manifest, RunFormat.Json),
        question_sets = s.Manifest?.QuestionSets.Select(q => new { name = q.Name, file = q.File, sha256 = q.Sha256, questions = q.Questions }).ToArray(),
    };

    private static object[] Bands(Leaderboard board, System.Collections.Immutable.ImmutableArray<System.Collections.Immutable.ImmutableArray<DailyBand>> bands) =>
        [.. board.Entries.Select((e, i) => new
        {
            entry = e.Id,
            skill = bands[i].Select(b => Interval(b.Skill)).ToArray(),
            accuracy = bands[i].Select(b => Interval(b.Accuracy)).ToArray(),
            brier = bands[i].Select(b => Interval(b.Brier)).ToArray(),
        })];

    private static double?[]? Interval(Estimate? estimate) =>
        estimate is { Lower: { } lower, Upper: { } upper } ? [ViewJson.Number(lower), ViewJson.Number(upper)] : null;
}
