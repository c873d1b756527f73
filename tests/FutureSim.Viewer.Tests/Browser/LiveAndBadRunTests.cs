using System.Text;
using OpenQA.Selenium;

namespace FutureSim.Viewer.Tests.Browser;

/// <summary>A run still being written, and run folders that cannot be read as they are, seen in the browser.</summary>
[Collection(ViewerCollection.Name)]
public sealed class LiveAndBadRunTests(ViewerRun run, Chromium chromium)
{
    private IWebDriver Web => chromium.Web;

    [Fact]
    public void ARunStillBeingWrittenShowsItsDaysSoFarAndRefreshesAsDaysComplete()
    {
        var folder = run.CopyRun("live");
        var events = Path.Combine(folder, "events.jsonl");
        var lines = File.ReadAllLines(events);
        var dayEnds = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("\"type\":\"day_completed\"", StringComparison.Ordinal)).Select(x => x.i).ToList();
        File.WriteAllText(events, string.Join("\n", lines[..(dayEnds[9] + 1)]) + "\n");
        File.WriteAllText(Path.Combine(folder, "manifest.json"), File.ReadAllText(Path.Combine(folder, "manifest.json")).Replace("\"status\": \"completed\"", "\"status\": \"running\"", StringComparison.Ordinal));
        using var viewer = new ViewerProcess(run, folder);
        using var leave = new Leaving(chromium);
        chromium.SignIn(viewer.Url);
        chromium.Open(viewer.Page("/run/live"));
        chromium.WaitFor(() => Web.FindElement(By.CssSelector("p.meta")).Text.Contains("10 of 45 days", StringComparison.Ordinal));

        File.AppendAllText(events, string.Join("\n", lines[(dayEnds[9] + 1)..(dayEnds[19] + 1)]) + "\n");

        chromium.WaitFor(() => Web.FindElement(By.CssSelector("p.meta")).Text.Contains("20 of 45 days", StringComparison.Ordinal), seconds: 15);
        chromium.WaitFor(() => Web.FindElement(By.Id("live")).Text.Contains("20 day(s) so far", StringComparison.Ordinal));
        Assert.Empty(chromium.ConsoleErrors());
    }

    [Fact]
    public void ACutOffLastLineAndAnUnknownFormatVersionAreShownWithTheirFileAndLine()
    {
        var cut = run.CopyRun("cut");
        var events = Path.Combine(cut, "events.jsonl");
        var bytes = File.ReadAllBytes(events);
        File.WriteAllBytes(events, bytes[..(bytes.Length - 12)]); // a kill in the middle of the last line
        var lastLine = Encoding.UTF8.GetString(bytes).TrimEnd('\n').Split('\n').Length;
        var future = run.CopyRun("future");
        var manifest = Path.Combine(future, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"format_version\": 1", "\"format_version\": 99", StringComparison.Ordinal));
        using var viewer = new ViewerProcess(run, cut, future);
        using var leave = new Leaving(chromium);
        chromium.SignIn(viewer.Url);

        chromium.Open(viewer.Page("/run/cut"));
        var warning = chromium.Text(By.CssSelector(".warning-item"));
        Assert.Contains(events, warning);
        Assert.Contains("line " + lastLine, warning);
        Assert.NotEmpty(Web.FindElements(By.CssSelector("table.leaderboard tr.entry")));

        chromium.Open(viewer.Page("/run/future"));
        var error = chromium.Text(By.CssSelector(".error"));
        Assert.Contains(manifest, error);
        Assert.Contains("format_version 99", error);
        Assert.Empty(chromium.ConsoleErrors());

        chromium.Open(viewer.Page("/"));
        chromium.WaitFor(() => Web.FindElement(By.Id("runs")).Text.Contains("format_version 99", StringComparison.Ordinal)); // the list fills in as runs are read
    }

    /// <summary>Leaves the pages of a viewer before it stops (declared after it, so disposed first).</summary>
    private sealed class Leaving(Chromium chromium) : IDisposable
    {
        public void Dispose() => chromium.Leave();
    }
}
