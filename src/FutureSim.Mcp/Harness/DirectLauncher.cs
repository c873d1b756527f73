using System.Collections.Immutable;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// Starts an agent's command as a plain child process (<c>"Sandbox": "none"</c>): in its workspace, with PATH and the
/// named variables only, but able to read everything the user running the simulation can.
/// </summary>
internal sealed class DirectLauncher(AgentWorkspace workspace, ImmutableArray<string> environment, ImmutableArray<string> relay) : IAgentLauncher
{
    public string Workspace => workspace.Root;

    public string McpConfig => workspace.McpConfigPath;

    public ImmutableArray<string> Relay => relay;

    public Task<ChildProcess> LaunchAsync(ImmutableArray<string> command, string logPrefix, CancellationToken cancellationToken) =>
        Task.FromResult(ChildProcess.Start(command, workspace.Root, ChildProcess.HostVariables(environment), logPrefix));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
