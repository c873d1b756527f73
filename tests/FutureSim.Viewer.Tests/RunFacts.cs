using System.Text.Json;

namespace FutureSim.Viewer.Tests;

/// <summary>What a test expects of a run, read straight from its files (not through the viewer).</summary>
internal static class RunFacts
{
    public static IEnumerable<JsonElement> Events(string runFolder) =>
        File.ReadLines(Path.Combine(runFolder, "events.jsonl")).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement);

    public static string[] Agents(string runFolder) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(runFolder, "manifest.json"))).RootElement.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)];

    /// <summary>Per agent, the distinct days it submitted an accepted forecast on the question before the question resolved.</summary>
    public static Dictionary<string, int> ForecastDays(string runFolder, string question)
    {
        var events = Events(runFolder).ToList();
        var resolved = events.Where(e => Type(e) == "question_resolved" && e.GetProperty("question_id").GetString() == question)
            .Select(e => e.GetProperty("day").GetString()).FirstOrDefault();
        return events
            .Where(e => Type(e) == "forecast" && e.GetProperty("question_id").GetString() == question
                && (resolved is null || string.CompareOrdinal(e.GetProperty("day").GetString(), resolved) < 0))
            .GroupBy(e => e.GetProperty("agent").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("day").GetString()).Distinct().Count());
    }

    /// <summary>The question with the most forecast days of the agent among those whose evidence includes returned articles.</summary>
    public static string BusiestQuestion(string runFolder, string agent) =>
        Events(runFolder)
            .Where(e => Type(e) == "forecast" && e.GetProperty("agent").GetString() == agent)
            .GroupBy(e => e.GetProperty("question_id").GetString()!)
            .OrderByDescending(g => g.Select(e => e.GetProperty("day").GetString()).Distinct().Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;

    public static string Type(JsonElement e) => e.GetProperty("type").GetString()!;
}
