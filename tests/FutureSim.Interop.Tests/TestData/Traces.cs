using System.Text.Json;
using System.Text.Json.Nodes;
using FutureSim.Core.Runs;
using FutureSim.Interop.Traces;

namespace FutureSim.Interop.Tests.TestData;

/// <summary>Reads a fixture run back as the importer does.</summary>
internal static class Traces
{
    public static RunTrace Read(TraceFixture fixture, bool skipInvalid = false)
    {
        using var folder = new TempFolder();
        var entry = fixture.Write(folder.Path, "agent", "run-1", "r00");
        return TraceRunReader.Read(folder.Path, Published(entry), skipInvalid);
    }

    public static PublishedRun Published(JsonObject entry) =>
        JsonSerializer.Deserialize<PublishedRun>(entry.ToJsonString(), RunFormat.Json)!;

    public static IEnumerable<string> Delivered(RunTrace trace) =>
        trace.Delivered.Select(f => $"{f.Day:MM-dd} {f.QuestionId} {string.Join(",", f.Outcomes.Select(o => o.Key))}{(f.FromWorkspace ? " (workspace)" : "")}");
}
