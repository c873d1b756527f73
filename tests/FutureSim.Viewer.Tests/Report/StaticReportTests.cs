using System.Globalization;
using System.Text.Json;
using FutureSim.Viewer.Tests.Browser;
using OpenQA.Selenium;

namespace FutureSim.Viewer.Tests.Report;

/// <summary><c>futuresim report</c>: one HTML file that renders, offline in a real browser, what the run folder says.</summary>
[Collection(ViewerCollection.Name)]
public sealed class StaticReportTests(ViewerRun run, Chromium chromium)
{
    [Fact]
    public void TheStaticReportRendersTheSameNumbersAsLeaderboardJson()
    {
        var file = Path.Combine(run.Root, "report", "report.html");
        Assert.Equal(0, run.Cli(["report", run.RunFolder, "--out", file]));
        var html = File.ReadAllText(file);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link rel=\"stylesheet\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);

        chromium.SignIn(new Uri(file).AbsoluteUri + "#/run/" + ViewerRun.RunId);
        var cells = chromium.Web.FindElements(By.CssSelector("td.metric"))
            .Select(c => (Entry: c.GetAttribute("data-entry")!, Metric: c.GetAttribute("data-metric")!, Value: c.GetAttribute("data-value")!, Text: c.FindElement(By.CssSelector(".value")).Text))
            .ToList();

        using var board = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.RunFolder, "leaderboard.json")));
        var expected = new List<(string, string, double?)>();
        foreach (var entry in board.RootElement.GetProperty("entries").EnumerateArray())
        {
            foreach (var kind in new[] { "free_form", "binary" })
            {
                if (entry.GetProperty(kind).ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var metric in entry.GetProperty(kind).GetProperty("metrics").EnumerateObject())
                {
                    var estimate = metric.Value.GetProperty("estimate");
                    expected.Add((entry.GetProperty("id").GetString()!, kind + "." + metric.Name, estimate.ValueKind == JsonValueKind.Number ? estimate.GetDouble() : null));
                }
            }
        }

        Assert.Equal(expected.Count, cells.Count);
        foreach (var (entry, metric, value) in expected)
        {
            var cell = cells.Single(c => c.Entry == entry && c.Metric == metric);
            if (value is { } v)
            {
                Assert.Equal(v, double.Parse(cell.Value, CultureInfo.InvariantCulture));
                Assert.Equal(v.ToString("0.000", CultureInfo.InvariantCulture), cell.Text.StartsWith('+') ? cell.Text[1..] : cell.Text);
            }
            else
            {
                Assert.Equal("n/a", cell.Text);
            }
        }

        Assert.Empty(chromium.ConsoleErrors());
    }
}
