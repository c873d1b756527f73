using OpenQA.Selenium;

namespace FutureSim.Viewer.Tests.Browser;

/// <summary><c>futuresim view</c> on a run made by the tests, driven through a real headless Chromium.</summary>
[Collection(ViewerCollection.Name)]
public sealed class ViewerPageTests(ViewerRun run, Chromium chromium)
{
    private readonly ViewerProcess _viewer = run.Viewer;

    private IWebDriver Web => chromium.Web;

    [Fact]
    public void EveryKindOfPageLoadsWithoutConsoleErrors()
    {
        chromium.SignIn(_viewer.Url); // the printed address: sets the access cookie
        var question = RunFacts.BusiestQuestion(run.RunFolder, "news-frequency");
        string[] routes =
        [
            "/", "/run/" + ViewerRun.RunId, "/run/" + ViewerRun.RunId + "/questions", "/run/" + ViewerRun.RunId + "/question/" + question,
            "/run/" + ViewerRun.RunId + "/agent/news-frequency", "/run/" + ViewerRun.RunId + "/agent/news-frequency/day/2025-02-03",
            "/run/" + ViewerRun.RunId + "/audit", "/compare?ra=" + ViewerRun.RunId + "&a=crowd&rb=" + ViewerRun.RunId + "&b=news-frequency",
        ];
        foreach (var route in routes)
        {
            chromium.Open(_viewer.Page(route));
            Assert.DoesNotContain("Could not show this page", chromium.Text(By.Id("app")));
            Assert.DoesNotContain("Not found", chromium.Text(By.TagName("h1")));
            Assert.Empty(chromium.ConsoleErrors());
        }

        Assert.NotEmpty(Web.FindElements(By.CssSelector("#compare tr.compare-row")));
    }

    [Fact]
    public void TheLeaderboardListsEveryAgent()
    {
        chromium.SignIn(_viewer.Url);
        chromium.Open(_viewer.Page("/run/" + ViewerRun.RunId));

        var listed = Web.FindElements(By.CssSelector("table.leaderboard tr.entry td.agent")).Select(e => e.Text).ToHashSet();
        Assert.Equal(RunFacts.Agents(run.RunFolder).Order(), listed.Order());
        Assert.NotEmpty(Web.FindElements(By.CssSelector("svg.chart path.line")));
        chromium.WaitFor(() => Web.FindElements(By.CssSelector("svg.chart polygon.band")).Count > 0); // the bands follow the tables
    }

    [Fact]
    public void AQuestionPageShowsOneTrajectoryPointPerForecastDay()
    {
        chromium.SignIn(_viewer.Url);
        var question = RunFacts.BusiestQuestion(run.RunFolder, "news-frequency");
        var expected = RunFacts.ForecastDays(run.RunFolder, question);
        Assert.True(expected["news-frequency"] > 1, "the test run should give a question several forecast days");

        chromium.Open(_viewer.Page($"/run/{ViewerRun.RunId}/question/{question}"));

        foreach (var agent in RunFacts.Agents(run.RunFolder))
        {
            var points = Web.FindElements(By.CssSelector($"circle.fs-point[data-agent='{agent}']"));
            Assert.Equal(expected.GetValueOrDefault(agent), points.Count);
            Assert.Equal(points.Count, points.Select(p => p.GetAttribute("data-day")).Distinct().Count());
        }
    }

    [Fact]
    public void ALinkFromARetrievedArticleOpensThatArticle()
    {
        chromium.SignIn(_viewer.Url);
        var question = RunFacts.BusiestQuestion(run.RunFolder, "news-frequency");
        chromium.Open(_viewer.Page($"/run/{ViewerRun.RunId}/question/{question}"));
        var link = Web.FindElements(By.CssSelector("a.article-link")).First();
        var id = link.GetAttribute("data-article");
        var title = link.Text;
        Assert.NotEqual(id, title); // the corpus gave the article's title

        chromium.Click(link);

        Assert.EndsWith("/article/" + Uri.EscapeDataString(id!), Web.Url);
        Assert.Equal(title, chromium.Text(By.CssSelector("h1.article-title")));
        Assert.False(string.IsNullOrWhiteSpace(chromium.Text(By.CssSelector(".article-body"))));
        Assert.Contains("news-frequency", chromium.Text(By.Id("app")));
        Assert.Empty(chromium.ConsoleErrors());
    }
}
