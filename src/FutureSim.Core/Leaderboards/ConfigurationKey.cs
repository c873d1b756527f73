using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// What makes two runs of an agent seeds of the same configuration: the manifest without its run id,
/// status and concurrency (which do not change what agents see), the agent's spec without settings whose
/// name contains "seed", and the exact question ids.
/// </summary>
internal static class ConfigurationKey
{
    /// <summary>The canonical key text and its short id (8 hex digits of its SHA-256).</summary>
    public static (string Key, string Id) For(RunManifest manifest, string agent, IEnumerable<QuestionId> questions)
    {
        var spec = manifest.Agents.FirstOrDefault(a => a.Name == agent);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("agent", agent);
            json.WriteString("agent_kind", spec?.Kind ?? "");
            json.WriteStartObject("agent_settings");
            foreach (var (name, value) in spec?.Settings ?? System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty)
            {
                if (!name.Contains("seed", StringComparison.OrdinalIgnoreCase))
                {
                    json.WriteString(name, value);
                }
            }

            json.WriteEndObject();
            var simulation = manifest.Simulation;
            json.WriteString("start", simulation.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("end", simulation.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("step_days", simulation.StepDays);
            json.WriteNumber("lookback_days", simulation.LookbackDays);
            json.WriteNumber("agent_day_timeout_ticks", simulation.AgentDayTimeout.Ticks);
            json.WriteString("corpus", manifest.Corpus.Fingerprint);
            json.WriteString("visibility", manifest.Corpus.Policy.ToString());
            json.WriteStartArray("question_sets");
            foreach (var set in manifest.QuestionSets.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                json.WriteStringValue($"{set.Name}:{set.Sha256}");
            }

            json.WriteEndArray();
            json.WriteString("questions", Signature(questions));
            json.WriteEndObject();
        }

        var key = Encoding.UTF8.GetString(buffer.ToArray());
        return (key, Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..8]);
    }

    /// <summary>The SHA-256 (hex) of the ordinal-sorted question ids, one per line.</summary>
    public static string Signature(IEnumerable<QuestionId> questions) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', questions.Select(q => q.Value).Order(StringComparer.Ordinal)))));
}
