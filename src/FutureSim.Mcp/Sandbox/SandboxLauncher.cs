using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using FutureSim.Mcp.Harness;

namespace FutureSim.Mcp.Sandbox;

/// <summary>
/// Starts an agent's command inside its bubblewrap sandbox (<see cref="SandboxLayout"/>). A sandbox is prepared ahead of
/// the day (bwrap and the <see cref="SandboxEntry"/> running, its proxy port listening), so that starting a day costs only
/// the launch message; when a launched process ends, the next sandbox is prepared in the background. The agent's
/// environment is PATH, the variables its settings name, <c>HOME</c> (a private folder) and the proxy variables that
/// lead to the host's <see cref="AllowListProxy"/>; the proxy lives as long as the launcher.
/// </summary>
internal sealed class SandboxLauncher : IAgentLauncher
{
    private readonly string bwrap;
    private readonly SandboxLayout layout;
    private readonly ImmutableArray<string> environmentNames;
    private readonly AllowListProxy proxy;
    private readonly Lock gate = new();
    private Task<Process>? prepared;
    private bool disposed;

    public SandboxLauncher(string bwrap, SandboxLayout layout, ImmutableArray<string> environmentNames, AllowListProxy proxy)
    {
        this.bwrap = bwrap;
        this.layout = layout;
        this.environmentNames = environmentNames;
        this.proxy = proxy;
        PrepareNext();
    }

    public string Workspace => SandboxLayout.Workspace;

    public string McpConfig => SandboxLayout.McpConfig;

    public ImmutableArray<string> Relay => layout.Program(McpRelay.VerbName, "--socket", SandboxLayout.McpSocket, "--secret-file", SandboxLayout.Secret);

    /// <summary>The variables the agent's process gets inside the sandbox.</summary>
    public ImmutableSortedDictionary<string, string> AgentVariables()
    {
        var proxyUrl = "http://127.0.0.1:" + SandboxLayout.ProxyPort.ToString(CultureInfo.InvariantCulture);
        return ChildProcess.HostVariables(environmentNames).SetItems(new Dictionary<string, string>
        {
            ["HOME"] = SandboxLayout.Home,
            ["HTTPS_PROXY"] = proxyUrl,
            ["HTTP_PROXY"] = proxyUrl,
            ["https_proxy"] = proxyUrl,
            ["http_proxy"] = proxyUrl,
        });
    }

    public async Task<ChildProcess> LaunchAsync(ImmutableArray<string> command, string logPrefix, CancellationToken cancellationToken)
    {
        Task<Process> next;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            next = prepared ?? Task.Run(Start, CancellationToken.None);
            prepared = null;
        }

        var process = await next.WaitAsync(cancellationToken);
        if (process.HasExited)
        {
            // The prepared sandbox went away before its day (it was killed, or bwrap failed): its output says why, and a fresh one starts.
            await ChildProcess.Adopt(process, logPrefix + ".sandbox").DisposeAsync();
            process = Start();
        }

        var child = ChildProcess.Adopt(process, logPrefix);
        try
        {
            await process.StandardInput.WriteAsync(new LaunchMessage(command, AgentVariables(), SandboxLayout.Workspace).ToJsonLine().AsMemory(), cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The sandbox died at this moment: its exit code and its output make the day's failure.
        }

        _ = child.Exited.ContinueWith(_ => PrepareNext(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return child;
    }

    public async ValueTask DisposeAsync()
    {
        Task<Process>? waiting;
        lock (gate)
        {
            disposed = true;
            waiting = prepared;
            prepared = null;
        }

        if (waiting is not null)
        {
            try
            {
                using var unused = await waiting;
                unused.Kill(entireProcessTree: true);
                await unused.WaitForExitAsync();
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                // It never started, or has exited already.
            }
        }

        await proxy.DisposeAsync();
    }

    private void PrepareNext()
    {
        lock (gate)
        {
            if (!disposed && prepared is null)
            {
                prepared = Task.Run(Start, CancellationToken.None);
            }
        }
    }

    private Process Start()
    {
        var entry = layout.Program(
            SandboxEntry.VerbName, "--proxy-port", SandboxLayout.ProxyPort.ToString(CultureInfo.InvariantCulture), "--proxy-socket", SandboxLayout.ProxySocket);
        var info = ChildProcess.Redirected([bwrap, .. layout.Arguments(entry)]);

        // The entry process needs only PATH (to find the agent's command); the agent's own variables come with the launch message.
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {bwrap}.");
    }
}
