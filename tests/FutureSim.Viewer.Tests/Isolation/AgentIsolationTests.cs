using System.Reflection;
using FutureSim.Core.Tools;

namespace FutureSim.Viewer.Tests.Isolation;

/// <summary>
/// The viewer shows truths, every agent's forecasts and every article: nothing of it may be reachable by an
/// agent. It is a verb and process of its own; no assembly an agent's tools live in references it.
/// </summary>
public sealed class AgentIsolationTests
{
    [Theory]
    [InlineData("FutureSim.Core")]
    [InlineData("FutureSim.Corpus")]
    [InlineData("FutureSim.Agents")]
    [InlineData("FutureSim.Mcp")]
    public void NoAssemblyOfTheAgentsToolsReferencesTheViewer(string assembly)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("FutureSim.Viewer", references);
        Assert.DoesNotContain("Microsoft.AspNetCore", references.Where(r => r is not null).Select(r => r!.Split('.').Take(2).Aggregate((a, b) => a + "." + b)));
    }

    [Fact]
    public void NoToolOfTheCatalogServesRunFoldersOrReports()
    {
        var names = ToolCatalog.All.Select(t => t.Name + " " + t.Description).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.DoesNotMatch("(?i)view|report|leaderboard|run folder|events", n));
    }
}
