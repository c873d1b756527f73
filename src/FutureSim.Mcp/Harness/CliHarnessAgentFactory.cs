using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FutureSim.Core.Articles;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Mcp.Relay;
using FutureSim.Mcp.Sandbox;
using FutureSim.Mcp.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// Builds agents of kind <c>cli-harness</c>: native agent harnesses launched as child processes (see
/// <see cref="CliHarnessSettings"/> for the settings), each in its own bubblewrap sandbox unless its settings say
/// <c>"Sandbox": "none"</c>. The factory owns one MCP endpoint (loopback TCP, and a Unix socket bound into the
/// sandboxes); each agent it builds gets its own secret, so a child reaches only its own agent's tools. Dispose the
/// factory after the run: waiting children are told the simulation is complete, then stopped.
/// </summary>
public sealed class CliHarnessAgentFactory(ITimeGatedCorpus corpus, ILoggerFactory? loggerFactory = null, SandboxHostPaths? sandbox = null)
    : IAgentFactory, IAsyncDisposable
{
    public const string Kind = "cli-harness";

    /// <summary>The setting that records how the agent was isolated.</summary>
    public const string SandboxSetting = "Sandbox";

    private readonly ILoggerFactory loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly SandboxHostPaths sandbox = sandbox ?? SandboxHostPaths.ForThisProgram([]);
    private readonly ConcurrentBag<CliHarnessAgent> agents = [];
    private readonly Lock gate = new();
    private LoopbackMcpHost? host;
    private string? runtimeDirectory;
    private int sandboxes;

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    /// <summary>
    /// Checks an agent's settings without building it, and that its sandbox can be built here (bwrap present and
    /// working; no <c>ReadOnlyPaths</c> entry that would show a protected path). Returns the spec with its
    /// <c>Sandbox</c> setting written out, as the run manifest records it. Throws <see cref="ArgumentException"/>
    /// naming the agent, what is wrong and what to do.
    /// </summary>
    public static AgentSpec Validate(AgentSpec spec, SandboxHostPaths? sandbox = null)
    {
        var settings = CliHarnessSettings.From(spec);
        if (settings.Sandbox == SandboxKind.Bubblewrap)
        {
            Bubblewrap.Require(spec.Name);
            CheckReadOnlyPaths(spec.Name, settings, (sandbox ?? SandboxHostPaths.ForThisProgram([])).Protected);
        }

        return spec.Settings.Keys.Any(k => k.Equals(SandboxSetting, StringComparison.OrdinalIgnoreCase))
            ? spec
            : spec with { Settings = spec.Settings.SetItem(SandboxSetting, "bubblewrap") };
    }

    /// <inheritdoc />
    public IForecastingAgent Create(AgentSpec spec, AgentEnvironment environment)
    {
        var settings = CliHarnessSettings.From(spec);
        var bwrap = settings.Sandbox == SandboxKind.Bubblewrap ? Bubblewrap.Require(spec.Name) : null;
        var workspace = new AgentWorkspace(environment.AgentDirectory);
        var handOff = new DayHandOff();
        var nextDay = settings.Lifetime == ChildLifetime.Day ? NextDayMode.EndAndStop : NextDayMode.WaitForNextDay;
        var endpoint = Host();
        var secret = endpoint.Register(spec.Name, handOff, nextDay);
        RelayLaunch.WriteSecret(workspace.SecretPath, secret);
        IAgentLauncher launcher;
        var logger = loggerFactory.CreateLogger<CliHarnessAgent>();
        if (bwrap is null)
        {
            var relay = RelayLaunch.Command(settings.RelayCommand, endpoint.Port, workspace.SecretPath);
            launcher = new DirectLauncher(workspace, settings.Environment, relay);
            logger.LogWarning("Agent {Agent} runs without a sandbox (\"Sandbox\": \"none\"): it can read every file this user can, the answers included", spec.Name);
        }
        else
        {
            launcher = Sandboxed(spec.Name, settings, bwrap, workspace, endpoint, environment);
            logger.LogInformation("Agent {Agent} runs in a bubblewrap sandbox; allowed hosts: {Hosts}", spec.Name, settings.AllowedHosts.IsEmpty ? "none" : string.Join(", ", settings.AllowedHosts));
        }

        RelayLaunch.WriteConfig(workspace.McpConfigPath, launcher.Relay);
        var agent = new CliHarnessAgent(spec.Name, settings, workspace, launcher, corpus, handOff, logger);
        agents.Add(agent);
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(agents.Select(a => a.DisposeAsync().AsTask()));
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (runtimeDirectory is not null && Directory.Exists(runtimeDirectory))
        {
            Directory.Delete(runtimeDirectory, recursive: true);
        }
    }

    private static void CheckReadOnlyPaths(string agent, CliHarnessSettings settings, ImmutableArray<string> protectedPaths)
    {
        var hidden = protectedPaths.Select(SandboxHostPaths.RealPath).ToArray();
        foreach (var path in settings.ReadOnlyPaths)
        {
            if (!Path.Exists(path))
            {
                throw new ArgumentException($"Agent '{agent}' (kind cli-harness): \"ReadOnlyPaths\" entry \"{path}\" does not exist.");
            }

            var real = SandboxHostPaths.RealPath(path);
            if (hidden.FirstOrDefault(h => SandboxHostPaths.IsWithin(real, h)) is { } inside)
            {
                throw new ArgumentException(
                    $"Agent '{agent}' (kind cli-harness): \"ReadOnlyPaths\" entry \"{path}\" lies in {inside}, which no sandbox may show " +
                    "(the FutureSim folder, the runs, the corpus, the index, the question files and the configuration stay outside). " +
                    "Install the agent's program elsewhere and name that folder.");
            }
        }
    }

    private SandboxLauncher Sandboxed(
        string name, CliHarnessSettings settings, string bwrap, AgentWorkspace workspace, LoopbackMcpHost endpoint, AgentEnvironment environment)
    {
        // The run folder holding this agent is hidden like the other protected paths, whoever built the factory.
        var runFolder = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(environment.AgentDirectory)))!;
        var protectedPaths = sandbox.Protected.Append(runFolder).ToImmutableArray();
        CheckReadOnlyPaths(name, settings, protectedPaths);
        var (runtime, index) = Runtime();
        var proxySocket = Path.Combine(runtime, $"proxy-{index}.sock");
        var layout = new SandboxLayout
        {
            WorkspaceDirectory = workspace.Root,
            McpConfigFile = workspace.McpConfigPath,
            SecretFile = workspace.SecretPath,
            McpSocketFile = endpoint.ListenOnUnixSocket(Path.Combine(runtime, "mcp.sock")),
            ProxySocketFile = proxySocket,
            IdentityDirectory = runtime,
            ProgramDirectory = sandbox.ProgramDirectory,
            DotnetRoot = DotnetRoot(),
            ReadOnlyPaths = settings.ReadOnlyPaths,
            Protected = [.. protectedPaths.Select(SandboxHostPaths.RealPath).Distinct(StringComparer.Ordinal)],
        };
        var proxy = new AllowListProxy(
            name, proxySocket, settings.AllowedHosts, Path.Combine(workspace.Logs, "network.log"), environment.TimeProvider,
            loggerFactory.CreateLogger<AllowListProxy>());
        return new SandboxLauncher(bwrap, layout, settings.Environment, proxy);
    }

    /// <summary>A private folder (mode 0700) for the sockets and the sandbox's identity files, and a fresh index for one agent's files in it.</summary>
    private (string Folder, int Index) Runtime()
    {
        lock (gate)
        {
            if (runtimeDirectory is null)
            {
                var folder = Directory.CreateTempSubdirectory("futuresim-sandbox-").FullName;
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }

                var id = SandboxLayout.AgentId;
                File.WriteAllText(Path.Combine(folder, "passwd"), $"agent:x:{id}:{id}:agent:{SandboxLayout.Home}:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
                File.WriteAllText(Path.Combine(folder, "group"), $"agent:x:{id}:\nnogroup:x:65534:\n");
                File.WriteAllText(Path.Combine(folder, "hosts"), "127.0.0.1 localhost\n::1 localhost\n");
                runtimeDirectory = folder;
            }

            return (runtimeDirectory, ++sandboxes);
        }
    }

    /// <summary>The .NET install running this process (the shared framework lives three folders below it).</summary>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private LoopbackMcpHost Host()
    {
        lock (gate)
        {
            return host ??= new LoopbackMcpHost(loggerFactory);
        }
    }
}
