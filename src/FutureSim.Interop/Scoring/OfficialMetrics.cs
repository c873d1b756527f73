using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;
using FutureSim.Interop.Traces;

namespace FutureSim.Interop.Scoring;

/// <summary>
/// Daily FutureSim metrics by run and by agent, read from a published (or our) <c>manifest.json</c> /
/// <c>futuresim-runs.json</c> (runs with <c>metrics</c>) or a <c>leaderboard.json</c> / <c>futuresim-leaderboard.json</c> (models with <c>points</c>).
/// </summary>
public sealed record OfficialMetrics
{
    /// <summary>Per run: (agent slug, seed label, run id) → daily (BSS, top-1 %).</summary>
    public required ImmutableArray<(string Agent, string Seed, string RunId, ImmutableSortedDictionary<DateOnly, (double Bss, double Accuracy)> Daily)> Runs { get; init; }

    /// <summary>Per agent slug: daily means (BSS, top-1 %).</summary>
    public required ImmutableSortedDictionary<string, ImmutableSortedDictionary<DateOnly, (double Bss, double Accuracy)>> Agents { get; init; }

    public static OfficialMetrics Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new InvalidInputException(new RecordError(file, 0, "not found"), "Give FutureSim's published manifest.json or leaderboard.json.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (root.TryGetProperty("runs", out _))
            {
                var manifest = JsonSerializer.Deserialize<PublishedManifest>(root.GetRawText(), RunFormat.Json)!;
                var runs = manifest.Runs.Select(r => (r.AgentSlug, r.SeedLabel, r.RunId, r.Metrics.ToImmutableSortedDictionary(m => Day(m.Date), m => (m.BrierSkillScore, m.Top1Accuracy)))).ToImmutableArray();
                return new OfficialMetrics { Runs = runs, Agents = MeansOf(runs) };
            }

            if (root.TryGetProperty("models", out var models))
            {
                var agents = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<DateOnly, (double, double)>>(StringComparer.Ordinal);
                foreach (var model in models.EnumerateArray())
                {
                    agents[model.GetProperty("agent_slug").GetString()!] = model.GetProperty("points").EnumerateArray().ToImmutableSortedDictionary(
                        p => Day(p.GetProperty("date").GetString()!),
                        p => (p.GetProperty("brier_skill_score_mean").GetDouble(), p.GetProperty("top1_accuracy_mean").GetDouble()));
                }

                return new OfficialMetrics { Runs = [], Agents = agents.ToImmutable() };
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidInputException(new RecordError(file, 0, $"is not a FutureSim manifest or leaderboard: {e.Message}"), null, e);
        }

        throw new InvalidInputException(new RecordError(file, 0, "has neither \"runs\" nor \"models\""), "Give FutureSim's published manifest.json or leaderboard.json.");
    }

    /// <summary>Our FutureSim view in the same shape.</summary>
    public static OfficialMetrics From(FutureSimLeaderboard board) => new()
    {
        Runs = [.. board.Runs.Select(r => (FutureSimLeaderboard.Slug(r), r.SeedLabel, r.OfficialRunId, r.Daily.ToImmutableSortedDictionary(d => d.Day, d => (d.BrierSkillScore, d.Top1Accuracy))))],
        Agents = board.Agents.ToImmutableSortedDictionary(a => a.AgentSlug, a => a.Points.ToImmutableSortedDictionary(p => p.Day, p => (p.BrierSkillScoreMean, p.Top1AccuracyMean)), StringComparer.Ordinal),
    };

    private static ImmutableSortedDictionary<string, ImmutableSortedDictionary<DateOnly, (double, double)>> MeansOf(
        ImmutableArray<(string Agent, string Seed, string RunId, ImmutableSortedDictionary<DateOnly, (double Bss, double Accuracy)> Daily)> runs) =>
        runs.GroupBy(r => r.Agent, StringComparer.Ordinal).ToImmutableSortedDictionary(
            g => g.Key,
            g => g.SelectMany(r => r.Daily.Keys).Distinct().Where(d => g.All(r => r.Daily.ContainsKey(d))).ToImmutableSortedDictionary(
                d => d, d => (g.Average(r => r.Daily[d].Bss), g.Average(r => r.Daily[d].Accuracy))),
            StringComparer.Ordinal);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
