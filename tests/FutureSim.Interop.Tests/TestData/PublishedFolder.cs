using static FutureSim.Interop.Tests.TestData.TraceFixture;

namespace FutureSim.Interop.Tests.TestData;

/// <summary>
/// A small published data folder: three questions (q1 resolves 2025-12-26 to "Alice"; q2 and q3 resolve 2025-12-27
/// to "Paris" and "SDF") and two runs. Run "a" (Claude Code) forecasts "Alicia" on q1 (its printed Brier +0.66
/// says the judge accepted it), names the exact truth "SDF" below "Syrian Democratic Forces" on q3, forecasts a
/// question that is not in the set and q1 after it resolved. Run "b" (Codex) has a forecast only its workspace shows.
/// </summary>
internal static class PublishedFolder
{
    public const string Q1 = "Who wins A?";
    public const string Q2 = "Which city B?";
    public const string Q3 = "Who leads C?";

    public static void Write(string data, double? publishedFinalBssOfA = null)
    {
        var a = new TraceFixture()
            .Recorded("2025-12-24", "a1", "q1", ("Alicia", 0.5), ("Bob", 0.3))
            .Recorded("2025-12-24", "a2", "q2", ("Paris", 0.6), ("London", 0.2))
            .Recorded("2025-12-24", "a3", "q3", ("Syrian Democratic Forces", 0.58), ("SDF", 0.1))
            .Advance("2025-12-24", "n1", "2025-12-25", ResolveTomorrow("2025-12-26", "q1"))
            .Recorded("2025-12-25", "a4", "q9", ("Nobody", 0.5))
            .Advance("2025-12-25", "n2", "2025-12-26",
                ResolveTomorrow("2025-12-27", "q2", "q3") + Results("2025-12-25", "2025-12-26", Predicted(Q1, "Alicia: 0.50, Bob: 0.30", "Alice", "+0.66")))
            .Recorded("2025-12-26", "a5", "q1", ("Bob", 0.9))
            .Advance("2025-12-26", "n3", "2025-12-27", Results(
                "2025-12-26", "2025-12-27", Predicted(Q2, "Paris: 0.60, London: 0.20", "Paris", "+0.80"), Predicted(Q3, "Syrian Democratic Forces: 0.58, SDF: 0.10", "SDF", "-0.15")))
            .Advance("2025-12-27", "n4", "2025-12-28");
        var b = new TraceFixture("Codex")
            .Recorded("2025-12-24", "item_1", "q1", ("Alice", 0.4))
            .NextDay("2025-12-24", "item_2")
            .NextDay("2025-12-25", "item_2");
        var aEntry = a.Write(data, "a", "run-a", "r00", publishedFinalBssOfA is { } bss ? [("2026-03-28", bss, 66.67), ("2025-12-24", 0.9, 0.0)] : null);
        var bEntry = b.Write(data, "b", "run-b", "r00");
        WriteWorkspacePredictions(data, "b", "run-b", "2025-12-25", ("q2", [("Paris", 1.0)]));
        WriteManifest(data, aEntry, bEntry);
    }
}
