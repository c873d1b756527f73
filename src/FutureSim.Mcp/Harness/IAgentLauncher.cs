using System.Collections.Immutable;

namespace FutureSim.Mcp.Harness;

/// <summary>Starts a CLI agent's command for a day, and says what the agent's paths look like from inside its process.</summary>
internal interface IAgentLauncher : IAsyncDisposable
{
    /// <summary>The workspace as the process sees it (its working directory; the <c>{workspace}</c> placeholder).</summary>
    string Workspace { get; }

    /// <summary>The MCP configuration file as the process sees it (<c>{mcp_config}</c>).</summary>
    string McpConfig { get; }

    /// <summary>The MCP relay's command line as the process runs it (<c>{relay_command}</c>, <c>{relay_args_json}</c>).</summary>
    ImmutableArray<string> Relay { get; }

    /// <summary>Starts <paramref name="command"/> (already filled with the paths above); its output goes to <paramref name="logPrefix"/><c>.stdout.log</c> and <c>.stderr.log</c>.</summary>
    Task<ChildProcess> LaunchAsync(ImmutableArray<string> command, string logPrefix, CancellationToken cancellationToken);
}
