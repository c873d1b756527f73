using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Interop.Questions;

namespace FutureSim.Interop.Traces;

/// <summary>
/// Reads one official run of the published traces shard by shard (only one shard is held at a time), replays
/// it, and adds the forecasts that only the exported workspace files show: a <c>predictions/&lt;day&gt;.json</c>
/// entry whose (day, question) the trace never delivered.
/// </summary>
internal static class TraceRunReader
{
    public static RunTrace Read(string dataFolder, PublishedRun run, bool skipInvalid)
    {
        var facts = new QuestionFacts();
        var items = new List<TraceItem>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var day in run.Days)
        {
            var file = Path.Combine(dataFolder, day.Path);
            try
            {
                var bytes = ReadBytes(file);
                hashes[day.Path] = Convert.ToHexStringLower(SHA256.HashData(bytes));
                items.AddRange(TraceShardReader.Parse(file, bytes, facts));
            }
            catch (InvalidInputException e) when (skipInvalid)
            {
                skipped.Add(e.Message);
            }
        }

        var harness = HarnessOf(run);
        var replay = McpDayReplay.Replay(items, harness);
        var (workspace, found) = WorkspaceForecasts(dataFolder, run, hashes);
        var delivered = replay.Delivered.ToBuilder();
        var seen = replay.Delivered.Select(f => (f.Day, f.QuestionId)).ToHashSet();
        foreach (var forecast in workspace)
        {
            if (seen.Add((forecast.Day, forecast.QuestionId)))
            {
                delivered.Add(forecast);
            }
        }

        var ordered = delivered.OrderBy(f => f.Day).ToImmutableArray(); // stable: trace order within a day, workspace after
        return new RunTrace
        {
            Run = run,
            Harness = harness,
            Replay = replay,
            Facts = facts,
            Recaps = RunRecaps.From(facts.Recaps),
            Delivered = ordered,
            HasWorkspacePredictions = found,
            SkippedShards = skipped.ToImmutable(),
            Sha256 = CombinedHash(hashes),
            Files = hashes.Count,
        };
    }

    /// <summary>SHA-256 over "path NUL sha256 LF" lines in ordinal path order.</summary>
    public static string CombinedHash(IEnumerable<KeyValuePair<string, string>> hashes)
    {
        var text = new StringBuilder();
        foreach (var (path, hash) in hashes.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            text.Append(path).Append('\0').Append(hash).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static HarnessKind HarnessOf(PublishedRun run) =>
        run.Harness.Contains("codex", StringComparison.OrdinalIgnoreCase) ? HarnessKind.Codex
        : run.Harness.Contains("opencode", StringComparison.OrdinalIgnoreCase) ? HarnessKind.OpenCode
        : HarnessKind.ClaudeCode;

    private static (List<DeliveredForecast> Forecasts, bool Found) WorkspaceForecasts(string dataFolder, PublishedRun run, IDictionary<string, string> hashes)
    {
        var forecasts = new List<DeliveredForecast>();
        if (run.Workspace?.ManifestPath is not { } manifest)
        {
            return (forecasts, false);
        }

        var relative = Path.Combine(Path.GetDirectoryName(manifest) ?? "", "files", "predictions");
        var folder = Path.Combine(dataFolder, relative);
        if (!Directory.Exists(folder))
        {
            return (forecasts, false);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!DateOnly.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                continue;
            }

            var bytes = ReadBytes(file);
            hashes[Path.Combine(relative, Path.GetFileName(file)).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            try
            {
                using var document = JsonDocument.Parse(bytes);
                var position = 0;
                foreach (var entry in document.RootElement.EnumerateArray())
                {
                    position++;
                    var question = entry.GetProperty("question_id");
                    var id = question.ValueKind == JsonValueKind.String ? question.GetString()! : question.GetRawText();
                    var outcomes = ImmutableArray.CreateBuilder<KeyValuePair<string, double>>();
                    foreach (var outcome in entry.GetProperty("outcomes").EnumerateObject())
                    {
                        outcomes.Add(new(outcome.Name, outcome.Value.GetDouble()));
                    }

                    forecasts.Add(new DeliveredForecast(day, id, outcomes.ToImmutable(), FromWorkspace: true));
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new InvalidInputException(
                    new RecordError(file, 0, $"is not a list of {{question_id, outcomes}} predictions: {e.Message}"),
                    "Restore the file from the published repository.", e);
            }
        }

        return (forecasts, true);
    }

    private static byte[] ReadBytes(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(new RecordError(file, 0, $"cannot be read: {e.Message}"), "The published data folder is incomplete.", e);
        }
    }
}
