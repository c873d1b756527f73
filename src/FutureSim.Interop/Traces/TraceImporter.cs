using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Interop.Questions;
using FutureSim.Interop.Scoring;
using FutureSim.Interop.Verdicts;

namespace FutureSim.Interop.Traces;

/// <summary>
/// Imports FutureSim's published run data (the trace viewer's data folder of
/// <c>OpenForecaster/openforecaster.github.io</c>, <c>futuresim/traces/data</c>) as one run folder per official
/// run: runs are read shard by shard and replayed in parallel, the question set is recovered from all of
/// them, each run is written with its inferred judge verdicts, then read back and scored by FutureSim's
/// daily convention against the published daily values. Deterministic: the same folder gives the same bytes.
/// </summary>
public static class TraceImporter
{
    public const string Format = "futuresim-traces";

    public static async Task<TraceImportReport> ImportAsync(TraceImportOptions options, CancellationToken cancellationToken)
    {
        var manifestFile = Path.Combine(options.DataFolder, "manifest.json");
        var (manifest, manifestHash) = ReadManifest(manifestFile);
        var traces = new RunTrace[manifest.Runs.Length];
        await Parallel.ForAsync(0, traces.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, (i, _) =>
        {
            traces[i] = TraceRunReader.Read(options.DataFolder, manifest.Runs[i], options.SkipInvalid);
            return ValueTask.CompletedTask;
        });

        var recovered = QuestionSetRecovery.Recover([.. traces.Select(t => t.ForRecovery())]);
        var commit = GitCommit.Of(options.DataFolder);
        var built = traces
            .Select(trace => ImportedRunBuilder.Build(trace, recovered.Questions, recovered.IdOfTitle, Provenance(options, trace, manifestHash, commit), options.Verdicts))
            .ToList();
        var runs = options.Verdicts == VerdictSource.Inferred ? VerdictPool.Complete(built) : [.. built];
        var reports = ImmutableArray.CreateBuilder<RunImportReport>();
        Directory.CreateDirectory(options.OutputFolder);
        for (var i = 0; i < runs.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = Path.Combine(options.OutputFolder, runs[i].FolderName);
            Write(folder, runs[i]);
            reports.Add(await ReportAsync(folder, traces[i], runs[i], options, cancellationToken));
        }

        return new TraceImportReport
        {
            Source = options.DataFolder,
            Verdicts = options.Verdicts,
            Questions = recovered.Questions.Length,
            QuestionProblems = recovered.Problems,
            Runs = reports.ToImmutable(),
        };
    }

    private static (PublishedManifest Manifest, string Sha256) ReadManifest(string file)
    {
        if (!File.Exists(file))
        {
            throw new InvalidInputException(
                new RecordError(file, 0, "not found"),
                "Point the import at the published data folder futuresim/traces/data of the repository OpenForecaster/openforecaster.github.io.");
        }

        var bytes = File.ReadAllBytes(file);
        try
        {
            var manifest = JsonSerializer.Deserialize<PublishedManifest>(bytes, RunFormat.Json)
                ?? throw new JsonException("The manifest is null.");
            if (manifest.Runs.IsDefaultOrEmpty)
            {
                throw new InvalidInputException(new RecordError(file, 0, "lists no runs."));
            }

            return (manifest, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(new RecordError(file, (e.LineNumber ?? -1) + 1, $"is not FutureSim's trace manifest: {e.Message}"), null, e);
        }
    }

    private static RunProvenance Provenance(TraceImportOptions options, RunTrace trace, string manifestHash, string? commit)
    {
        var run = trace.Run;
        return new RunProvenance
        {
            Format = Format,
            Source = options.DataFolder,
            Commit = commit,
            Sha256 = TraceRunReader.CombinedHash([new("manifest.json", manifestHash), new("runs:" + run.AgentSlug + "/" + run.RunId, trace.Sha256)]),
            Files = trace.Files + 1,
            Details = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["agent_name"] = run.AgentName,
                ["agent_slug"] = run.AgentSlug,
                ["model"] = run.Model,
                ["harness"] = run.Harness,
                ["harness_name"] = run.HarnessName,
                ["harness_slug"] = run.HarnessSlug,
                ["seed_label"] = run.SeedLabel,
                ["official_run_id"] = run.RunId,
                ["verdicts"] = options.Verdicts == VerdictSource.Inferred ? "inferred" : "string",
            }),
        };
    }

    private static void Write(string folder, ImportedRun run)
    {
        if (File.Exists(Path.Combine(folder, RunFolderLayout.Manifest)))
        {
            if (RunFolderReader.ReadManifest(Path.Combine(folder, RunFolderLayout.Manifest)).ImportedFrom is null)
            {
                throw new InvalidInputException(
                    new RecordError(folder, 0, "holds a run that was not imported"),
                    "Choose another --out folder; an import replaces only earlier imports.");
            }

            Directory.Delete(folder, recursive: true);
        }

        var target = RunFolder.Create(folder, run.Manifest, run.Questions);
        using (var events = new StreamWriter(target.EventsPath, append: false, new UTF8Encoding(false)))
        {
            foreach (var runEvent in run.Events)
            {
                events.Write(JsonSerializer.Serialize(runEvent, RunFormat.Json));
                events.Write('\n');
            }
        }

        if (!run.Verdicts.IsEmpty)
        {
            RunVerdicts.Write(target.File(RunVerdicts.FileName), run.Verdicts);
        }
    }

    private static async Task<RunImportReport> ReportAsync(string folder, RunTrace trace, ImportedRun run, TraceImportOptions options, CancellationToken cancellationToken)
    {
        var record = RunFolderReader.Read(folder);
        var matcher = RecordedVerdictMatcher.For(folder, NormalisingAnswerMatcher.Instance);
        var scores = (await FutureSimDailyScorer.ScoreAsync(record, matcher, cancellationToken)).Single();
        var published = trace.Run.Metrics.ToDictionary(m => DateOnly.ParseExact(m.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var unmatched = ImmutableArray.CreateBuilder<UnmatchedDay>();
        foreach (var point in scores.Daily)
        {
            if (published.TryGetValue(point.Day, out var official)
                && (Math.Abs(point.BrierSkillScore - official.BrierSkillScore) > options.DailyBssTolerance
                    || Math.Abs(point.Top1Accuracy - official.Top1Accuracy) > options.DailyAccuracyTolerance))
            {
                unmatched.Add(new UnmatchedDay(point.Day, point.BrierSkillScore, official.BrierSkillScore, point.Top1Accuracy, official.Top1Accuracy, Reason(trace, run, point.Day, options)));
            }
        }

        var last = scores.Daily[^1];
        var lastPublished = published.GetValueOrDefault(last.Day);
        var stats = trace.Replay.Statistics;
        var pairs = ImportedRunBuilder.CountPairs(run.Questions, run.Events, run.Verdicts);
        int Refused(RefusalKind kind) => trace.Replay.Refusals.Count(r => r.Kind == kind);
        return new RunImportReport
        {
            RunFolder = Path.GetFileName(folder),
            Agent = trace.Run.AgentSlug,
            SeedLabel = trace.Run.SeedLabel,
            OfficialRunId = trace.Run.RunId,
            Forecasts = run.Events.Count(e => e is ForecastSubmitted),
            WorkspaceForecasts = run.WorkspaceForecasts,
            RefusedInactiveAtServer = Refused(RefusalKind.McpInactiveQuestion),
            RefusedTooManyOutcomes = Refused(RefusalKind.McpTooManyOutcomes),
            RefusedOther = Refused(RefusalKind.McpOther),
            RefusedByEnvironment = run.RefusedByEnvironment,
            Restarts = stats.Restarts,
            RetriedNextDays = stats.RetriedNextDays,
            LostForecasts = stats.Lost,
            QuestionsPinned = run.Inference.GetValueOrDefault(InferenceOutcome.Pinned),
            QuestionsTopUnknown = run.Inference.GetValueOrDefault(InferenceOutcome.TopUnknown),
            QuestionsAmbiguous = run.Inference.GetValueOrDefault(InferenceOutcome.Ambiguous),
            QuestionsInconsistent = run.Inference.GetValueOrDefault(InferenceOutcome.Inconsistent),
            PairsInferred = pairs.Inferred,
            PairsPooled = pairs.Pooled,
            PairsStringMatched = pairs.StringMatched,
            SkippedShards = trace.SkippedShards,
            Final = new FinalDayComparison(last.Day, last.BrierSkillScore, last.Top1Accuracy, lastPublished?.BrierSkillScore, lastPublished?.Top1Accuracy),
            UnmatchedDays = unmatched.ToImmutable(),
        };
    }

    /// <summary>Why a run-day may not reproduce, from what the trace shows.</summary>
    private static string Reason(RunTrace trace, ImportedRun run, DateOnly day, TraceImportOptions options)
    {
        if (trace.Replay.SkippedDays.FirstOrDefault(s => Math.Abs(s.DayNumber - day.DayNumber) <= 1) is var skipped && skipped != default)
        {
            return $"the visible trace never delivered {skipped:yyyy-MM-dd}: another process (a background sub-agent's MCP connection) delivered that day";
        }

        if (!trace.HasWorkspacePredictions && trace.Replay.BackgroundLaunchDays.Any(d => d <= day))
        {
            return $"sub-agents launched in the background from {trace.Replay.BackgroundLaunchDays[0]:yyyy-MM-dd} submitted forecasts the trace does not show, and the run exports no workspace predictions";
        }

        if (options.Verdicts == VerdictSource.String)
        {
            return "the string matcher decides matches the official LLM judge decided differently";
        }

        if (run.Inference.IsEmpty)
        {
            return "the trace prints no official per-question results, so no judge verdict could be inferred (string matcher)";
        }

        if (!trace.SkippedShards.IsEmpty)
        {
            return "malformed shards were skipped";
        }

        return "not explained by the trace";
    }
}
