using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenQA.Selenium;

namespace FutureSim.Viewer.Tests.Browser;

/// <summary>
/// A run imported from FutureSim holds forecasts, refusals and resolutions but no tool calls and no corpus: the
/// viewer shows FutureSim's own view of it beside ours, and its forecasts where tool calls would be.
/// </summary>
[Collection(ViewerCollection.Name)]
public sealed class ImportedRunTests(ViewerRun run, Chromium chromium)
{
    private IWebDriver Web => chromium.Web;

    [Fact]
    public void AnImportedRunShowsFutureSimsViewAndItsDeliveredForecasts()
    {
        var folder = ImportedCopy("imported");
        var board = Path.Combine(run.Root, "imported-board");
        Assert.Equal(0, run.Cli(["leaderboard", folder, "--out", board, "--format", "md"]));
        using var published = JsonDocument.Parse(File.ReadAllText(Path.Combine(board, "futuresim-runs.json")));
        var agents = RunFacts.Agents(folder);
        using var viewer = new ViewerProcess(run, folder, run.RunFolder);
        try
        {
            chromium.SignIn(viewer.Url);

            chromium.Open(viewer.Page("/run/imported"));
            chromium.WaitFor(() => Web.FindElements(By.CssSelector("#futuresim tr.futuresim-run")).Count == agents.Length);
            foreach (var entry in published.RootElement.GetProperty("runs").EnumerateArray())
            {
                var last = entry.GetProperty("metrics").EnumerateArray().Last();
                var row = Web.FindElement(By.CssSelector($"#futuresim tr.futuresim-run[data-agent='{entry.GetProperty("agent_slug").GetString()}']"));
                Assert.Equal(last.GetProperty("brier_skill_score").GetDouble(), Shown(row, "brier_skill_score", 4));
                Assert.Equal(last.GetProperty("top1_accuracy").GetDouble(), Shown(row, "top1_accuracy", 2));
            }

            Assert.Contains("futuresim-traces", chromium.Text(By.Id("app")));

            var (day, forecasts) = BusiestDay(folder, "news-frequency");
            chromium.Open(viewer.Page($"/run/imported/agent/news-frequency/day/{day}"));
            Assert.Equal(forecasts, Web.FindElements(By.CssSelector("li.item.submission")).Count);
            Assert.Empty(Web.FindElements(By.CssSelector(".warning")));

            chromium.Open(viewer.Page("/all"));
            chromium.WaitFor(() => Web.FindElements(By.CssSelector("#futuresim-agents tr.futuresim-agent")).Count == agents.Length);
            Assert.Empty(chromium.ConsoleErrors());
        }
        finally
        {
            chromium.Leave();
        }
    }

    /// <summary>The value a cell shows, checked against its full value rounded as the published files round.</summary>
    private static double Shown(IWebElement row, string metric, int decimals)
    {
        var cell = row.FindElement(By.CssSelector($"td[data-metric='{metric}']"));
        var value = Math.Round(double.Parse(cell.GetAttribute("data-value")!, CultureInfo.InvariantCulture), decimals, MidpointRounding.ToEven);
        Assert.Equal(value.ToString("F" + decimals, CultureInfo.InvariantCulture), cell.Text);
        return value;
    }

    /// <summary>A copy of the test run as an import leaves it: its tool calls gone, no corpus files, and where it came from.</summary>
    private string ImportedCopy(string id)
    {
        var folder = run.CopyRun(id);
        var events = Path.Combine(folder, "events.jsonl");
        File.WriteAllLines(events, File.ReadLines(events).Where(l => !l.Contains("\"type\":\"tool_call\"", StringComparison.Ordinal)).ToList());
        var manifestPath = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        manifest["run_id"] = id;
        manifest["corpus_files"] = new JsonArray();
        manifest["imported_from"] = new JsonObject
        {
            ["format"] = "futuresim-traces",
            ["source"] = "published/data",
            ["sha256"] = new string('0', 64),
            ["files"] = 1,
            ["details"] = new JsonObject { ["seed_label"] = "r00", ["verdicts"] = "inferred" },
        };
        File.WriteAllText(manifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return folder;
    }

    private static (string Day, int Forecasts) BusiestDay(string folder, string agent) =>
        RunFacts.Events(folder)
            .Where(e => RunFacts.Type(e) == "forecast" && e.GetProperty("agent").GetString() == agent)
            .GroupBy(e => e.GetProperty("day").GetString()!)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First();
}
