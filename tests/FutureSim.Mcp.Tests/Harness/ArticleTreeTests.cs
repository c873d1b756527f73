using FutureSim.Core.Simulation;
using FutureSim.Mcp.Harness;
using FutureSim.TestKit;

namespace FutureSim.Mcp.Tests.Harness;

public sealed class ArticleTreeTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "futuresim-article-tree", Guid.NewGuid().ToString("N"));

    [Fact]
    public void EachRefreshAddsTheDaysThatArrivedAndNothingLater()
    {
        var corpus = new InMemoryCorpus(SimulationWorld.Articles);
        var tree = new ArticleTree(Path.Combine(root, "articles"), Path.Combine(root, "through"));

        var first = tree.Refresh(corpus.At(SimulatedTime.EndOf(TestData.Day("2026-01-01"))), historyDays: 2);
        Assert.Equal(["2025/12/30", "2026/01/01"], Days());
        Assert.Equal(2, first);

        Assert.Equal(2, tree.Refresh(corpus.At(SimulatedTime.EndOf(TestData.Day("2026-01-03"))), historyDays: 2));
        Assert.Equal(["2025/12/30", "2026/01/01", "2026/01/02", "2026/01/03"], Days());
        var line = File.ReadAllLines(Path.Combine(root, "articles", "2026", "01", "03", "articles.jsonl")).Single();
        Assert.Equal("""{"id":"a-03","title":"Springfield elects Alice Smith as mayor","source":"Test Wire","date":"2026-01-03","date_publish":"2026-01-03","url":null,"content":"Alice Smith won the mayor election."}""", line);
        Assert.Equal(0, tree.Refresh(corpus.At(SimulatedTime.EndOf(TestData.Day("2026-01-03"))), historyDays: 2));
        Assert.DoesNotContain(Directory.EnumerateFiles(root, "*.jsonl", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("a-04"));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(root, recursive: true);
        }
    }

    private string[] Days() =>
        [.. Directory.EnumerateFiles(Path.Combine(root, "articles"), "articles.jsonl", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(root, "articles"), Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
