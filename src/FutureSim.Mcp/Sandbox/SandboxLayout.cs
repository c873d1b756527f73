using System.Collections.Immutable;

namespace FutureSim.Mcp.Sandbox;

/// <summary>
/// What one agent's bubblewrap sandbox shows, and the <c>bwrap</c> arguments that build it: new user, mount, PID, IPC,
/// UTS and network namespaces (the network has only loopback), no capabilities, the agent as an ordinary user
/// (uid 1000); a read-only root; the system folders read-only (<c>/usr</c>, <c>/bin</c>, <c>/lib*</c> and the few files of <c>/etc</c>
/// that programs need); a private <c>/proc</c>, <c>/dev</c>, <c>/tmp</c> and home; the workspace at
/// <see cref="Workspace"/> with only <c>memory/</c> writable; the MCP and proxy sockets, the MCP configuration and the
/// agent's secret under <see cref="RunDirectory"/>; the futuresim program at <see cref="ProgramFolder"/>; and the
/// agent's own <c>ReadOnlyPaths</c>. Nothing else of the host exists inside.
/// </summary>
internal sealed record SandboxLayout
{
    public const string Workspace = "/workspace";
    public const string Home = "/home/agent";
    public const string RunDirectory = "/run/futuresim";
    public const string ProgramFolder = "/opt/futuresim";
    public const string McpConfig = RunDirectory + "/mcp.json";
    public const string Secret = RunDirectory + "/mcp.secret";
    public const string McpSocket = RunDirectory + "/mcp.sock";
    public const string ProxySocket = RunDirectory + "/proxy.sock";

    /// <summary>The loopback port inside the sandbox that forwards to the host's proxy (<c>HTTPS_PROXY</c>).</summary>
    public const int ProxyPort = 3128;

    /// <summary>The agent's user id and group id inside the sandbox.</summary>
    public const int AgentId = 1000;

    /// <summary>The files of /etc a sandbox shows: library lookup, certificates, time zone, alternatives, the .NET install location.</summary>
    private static readonly string[] EtcEntries =
    [
        "alternatives", "ssl", "ca-certificates", "ca-certificates.conf", "pki", "crypto-policies", "ld.so.cache", "ld.so.conf",
        "ld.so.conf.d", "nsswitch.conf", "localtime", "timezone", "os-release", "dotnet", "protocols", "services", "mime.types",
        "bash.bashrc", "profile", "inputrc",
    ];

    /// <summary>Private keys inside the shown parts of /etc: hidden, as the agent owns what the user running the simulation owns.</summary>
    private static readonly string[] HiddenSystemPaths = ["/etc/ssl/private", "/etc/pki/tls/private"];

    private static readonly string[] TopLevelSystemFolders = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    /// <summary>Host folder of the agent's workspace (market.csv, articles/, memory/).</summary>
    public required string WorkspaceDirectory { get; init; }

    public required string McpConfigFile { get; init; }

    public required string SecretFile { get; init; }

    public required string McpSocketFile { get; init; }

    public required string ProxySocketFile { get; init; }

    /// <summary>Host folder holding the sandbox's own <c>passwd</c>, <c>group</c> and <c>hosts</c> files.</summary>
    public required string IdentityDirectory { get; init; }

    public required string ProgramDirectory { get; init; }

    /// <summary>The .NET install that runs the program inside (bound at its own path unless it is under /usr).</summary>
    public required string DotnetRoot { get; init; }

    public ImmutableArray<string> ReadOnlyPaths { get; init; } = [];

    /// <summary>Real paths that must stay hidden even where they lie inside a bound folder.</summary>
    public ImmutableArray<string> Protected { get; init; } = [];

    /// <summary>The .NET muxer inside the sandbox.</summary>
    public string Dotnet => Path.Combine(DotnetRoot, "dotnet");

    /// <summary>The command line that runs the futuresim program inside the sandbox.</summary>
    public ImmutableArray<string> Program(params string[] arguments) => [Dotnet, ProgramFolder + "/futuresim.dll", .. arguments];

    /// <summary>The namespaces, identity and system folders every sandbox has (the probe runs exactly these).</summary>
    public static ImmutableArray<string> Base()
    {
        var arguments = ImmutableArray.CreateBuilder<string>();
        arguments.AddRange("--unshare-all", "--unshare-user", "--uid", $"{AgentId}", "--gid", $"{AgentId}", "--new-session");
        if (Environment.IsPrivilegedProcess)
        {
            arguments.AddRange("--cap-drop", "ALL");
        }

        foreach (var folder in TopLevelSystemFolders)
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is { } target)
            {
                arguments.AddRange("--symlink", target, folder);
            }
            else if (info.Exists)
            {
                arguments.AddRange("--ro-bind", folder, folder);
            }
        }

        foreach (var entry in EtcEntries)
        {
            arguments.AddRange("--ro-bind-try", "/etc/" + entry, "/etc/" + entry);
        }

        arguments.AddRange("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp");
        return arguments.ToImmutable();
    }

    /// <summary>The full <c>bwrap</c> argument list that runs <paramref name="command"/> (a path inside the sandbox) in this layout.</summary>
    public ImmutableArray<string> Arguments(ImmutableArray<string> command)
    {
        var arguments = ImmutableArray.CreateBuilder<string>();
        arguments.AddRange(Base());
        arguments.AddRange("--tmpfs", Home);
        foreach (var file in new[] { "passwd", "group", "hosts" })
        {
            arguments.AddRange("--ro-bind", Path.Combine(IdentityDirectory, file), "/etc/" + file);
        }

        var bound = new List<(string Source, string Destination)>(TopLevelSystemFolders.Select(f => (f, f)));
        bound.AddRange(EtcEntries.Select(e => ("/etc/" + e, "/etc/" + e)));
        void Bind(string option, string source, string destination)
        {
            arguments.AddRange(option, source, destination);
            bound.Add((source, destination));
        }

        Bind("--ro-bind", ProgramDirectory, ProgramFolder);
        if (!SandboxHostPaths.IsWithin(SandboxHostPaths.RealPath(DotnetRoot), "/usr"))
        {
            Bind("--ro-bind", DotnetRoot, DotnetRoot);
        }

        foreach (var path in ReadOnlyPaths)
        {
            Bind("--ro-bind", path, path);
        }

        arguments.AddRange("--ro-bind", WorkspaceDirectory, Workspace);
        arguments.AddRange("--bind", Path.Combine(WorkspaceDirectory, "memory"), Workspace + "/memory");
        arguments.AddRange("--ro-bind", McpConfigFile, McpConfig);
        arguments.AddRange("--ro-bind", SecretFile, Secret);
        arguments.AddRange("--ro-bind", McpSocketFile, McpSocket);
        arguments.AddRange("--ro-bind", ProxySocketFile, ProxySocket);
        arguments.AddRange(Masks(bound));

        // The sandbox's own root (where the mount points above were made) is read-only too.
        arguments.AddRange("--remount-ro", "/", "--chdir", Workspace, "--");
        arguments.AddRange(command);
        return arguments.ToImmutable();
    }

    /// <summary>An empty read-only mount over every protected path that lies strictly inside a bound folder.</summary>
    private IEnumerable<string> Masks(IEnumerable<(string Source, string Destination)> bound)
    {
        foreach (var (source, destination) in bound)
        {
            if (!Path.Exists(source))
            {
                continue;
            }

            var real = SandboxHostPaths.RealPath(source);
            foreach (var hidden in Protected.Concat(HiddenSystemPaths).Where(p => p != real && SandboxHostPaths.IsWithin(p, real)))
            {
                var inside = destination + "/" + Path.GetRelativePath(real, hidden);
                if (Directory.Exists(hidden))
                {
                    yield return "--tmpfs";
                    yield return inside;
                    yield return "--remount-ro";
                    yield return inside;
                }
                else if (File.Exists(hidden))
                {
                    yield return "--ro-bind";
                    yield return "/dev/null";
                    yield return inside;
                }
            }
        }
    }
}
