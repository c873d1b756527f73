using FutureSim.Core.Runs;
using FutureSim.TestKit;
using static FutureSim.TestKit.TestData;

namespace FutureSim.Core.Tests.Runs;

public sealed class EventLogTests
{
    private static RunHarness Harness() => new(
        [Article("a1", "2025-01-01", "Election called"), Article("a2", "2025-01-02", "Alice leads")],
        [FreeForm("q1", "2025-01-01", "2025-01-03", "Alice")],
        "2025-01-01",
        "2025-01-04");

    private static DelegateAgent Agent() => new(tools =>
    {
        tools.SearchNews("Alice");
        tools.SubmitForecasts("q1", new Dictionary<string, double> { ["Alice"] = 0.1 * tools.Today.Day });
    });

    /// <summary>
    /// A kill between a day's last line and its newline leaves a complete day whose last line has no newline: resume
    /// repairs it with a newline (never a NUL byte) and the run ends exactly as an uninterrupted one.
    /// </summary>
    [Fact]
    public async Task ResumingALogWhoseCompleteLastLineLacksItsNewlineRepairsItWithoutANulByte()
    {
        using var harness = Harness();
        var whole = await harness.RunAsync("whole", ("a", Agent()));
        var bytes = File.ReadAllBytes(whole.EventsPath);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var thirdDay = text.IndexOf("{\"type\":\"day_started\",\"v\":1,\"day\":\"2025-01-03\"", StringComparison.Ordinal);

        Assert.True(thirdDay > 0);

        var killed = harness.Create("killed", ["a"]);
        File.WriteAllBytes(killed.EventsPath, bytes[..(thirdDay - 1)]); // day 2 complete, its last newline missing
        await harness.ResumeAsync(killed, [("a", Agent())]);

        var resumed = File.ReadAllBytes(killed.EventsPath);
        Assert.DoesNotContain((byte)0, resumed);
        Assert.Equal(bytes, resumed);
    }

    [Fact]
    public async Task ResumingACompletedRunWhoseLastLineLacksItsNewlineLeavesAReadableLog()
    {
        using var harness = Harness();
        var folder = await harness.RunAsync("r", ("a", Agent()));
        var bytes = File.ReadAllBytes(folder.EventsPath);
        File.WriteAllBytes(folder.EventsPath, bytes[..^1]);

        await harness.ResumeAsync(folder, [("a", Agent())]);

        Assert.Equal(bytes, File.ReadAllBytes(folder.EventsPath));
        Assert.True(RunFolderReader.Read(folder.Root).IsComplete);
    }
}
