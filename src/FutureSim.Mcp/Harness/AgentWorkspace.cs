using FutureSim.Core.Articles;
using FutureSim.Core.Tools;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// The folders of one CLI agent inside its agent directory. <see cref="Root"/> (<c>workspace/</c>, the child's
/// working directory) holds only what FutureSim gives an agent: a read-only <c>market.csv</c>, the date-gated
/// <c>articles/</c> tree and the agent's own <c>memory/</c>. The MCP configuration, the relay secret, the
/// refresh state and the child's logs live beside it, never in it.
/// </summary>
internal sealed class AgentWorkspace
{
    public const string MarketFile = "market.csv";
    public const string ArticlesFolder = "articles";
    public const string MemoryFolder = "memory";

    private readonly ArticleTree articles;

    public AgentWorkspace(string agentDirectory)
    {
        Directory.CreateDirectory(agentDirectory);
        Root = Path.Combine(agentDirectory, "workspace");
        Logs = Path.Combine(agentDirectory, "logs");
        McpConfigPath = Path.Combine(agentDirectory, "mcp.json");
        SecretPath = Path.Combine(agentDirectory, "mcp.secret");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Logs);
        Directory.CreateDirectory(Path.Combine(Root, ArticlesFolder));
        Directory.CreateDirectory(Path.Combine(Root, MemoryFolder));
        articles = new ArticleTree(Path.Combine(Root, ArticlesFolder), Path.Combine(agentDirectory, "articles.through"));
    }

    public string Root { get; }

    public string Logs { get; }

    public string McpConfigPath { get; }

    public string SecretPath { get; }

    /// <summary>Brings market.csv and the article tree up to the day of <paramref name="tools"/>; <paramref name="view"/> must be bound to that day.</summary>
    public void Refresh(IForecastingTools tools, ICorpusView view, int? articleHistoryDays)
    {
        articles.Refresh(view, articleHistoryDays);
        ReadOnlyFile.Write(Path.Combine(Root, MarketFile), MarketCsv.Render(tools.ListQuestions()));
    }
}
