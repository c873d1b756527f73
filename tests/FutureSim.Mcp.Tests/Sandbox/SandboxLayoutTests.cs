using System.Diagnostics;
using FutureSim.Mcp.Sandbox;

namespace FutureSim.Mcp.Tests.Sandbox;

/// <summary>The sandbox as bwrap builds it from a layout (these tests run bwrap, and fail without it).</summary>
public sealed class SandboxLayoutTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("futuresim-layout-test-").FullName;

    [Fact]
    public async Task ProtectedPathsInsideABoundFolderAreEmptyInsideTheSandbox()
    {
        // A program folder that is also the project folder: its runs and its configuration must not show.
        var program = Folder("program");
        File.WriteAllText(Path.Combine(program, "futuresim.dll"), "program");
        var runs = Folder("program/runs/run-1");
        File.WriteAllText(Path.Combine(runs, "questions.jsonl"), "the answer is Alice Smith");
        File.WriteAllText(Path.Combine(program, "appsettings.json"), "{ \"secret\": \"Alice Smith\" }");
        var layout = Layout(program) with
        {
            Protected = [SandboxHostPaths.RealPath(Path.Combine(program, "runs")), SandboxHostPaths.RealPath(Path.Combine(program, "appsettings.json"))],
        };

        var (exit, output, errors) = await RunAsync(layout, "ls -A /opt/futuresim/runs; cat /opt/futuresim/appsettings.json /opt/futuresim/futuresim.dll; echo; touch /opt/futuresim/runs/x || echo read-only");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Alice Smith", output + errors);
        Assert.DoesNotContain("run-1", output);
        Assert.Contains("program", output);
        Assert.Contains("read-only", output);
    }

    [Fact]
    public async Task TheAgentIsAnOrdinaryUserWithoutCapabilitiesAWritableMemoryAndNothingElseWritableThatPersists()
    {
        var (exit, output, errors) = await RunAsync(
            Layout(Folder("program")),
            "id -u; grep CapEff /proc/self/status; echo note > memory/note && echo memory-ok; touch /x || true; touch /tmp/x && echo tmp-ok; " +
            "HOME=/home/agent; touch $HOME/x && echo home-ok; ls /proc | grep -c '^[0-9]'");

        Assert.Equal(0, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("1000", lines[0]);
        Assert.Equal("CapEff:\t0000000000000000", lines[1]);
        Assert.Contains("memory-ok", lines);
        Assert.Contains("tmp-ok", lines);
        Assert.Contains("home-ok", lines);
        Assert.InRange(int.Parse(lines[^1], System.Globalization.CultureInfo.InvariantCulture), 1, 5);
        Assert.Contains("touch: cannot touch '/x': Read-only file system", errors);
        Assert.Equal("note\n", File.ReadAllText(Path.Combine(root, "workspace", "memory", "note")));
    }

    [Fact]
    public void TheHostsPrivateKeysAreHiddenWhereTheirFolderIsShown()
    {
        var arguments = string.Join(' ', Layout(Folder("program")).Arguments(["/bin/true"]));

        Assert.Equal(Directory.Exists("/etc/ssl/private"), arguments.Contains("--tmpfs /etc/ssl/private --remount-ro /etc/ssl/private", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Folder(string relative) => Directory.CreateDirectory(Path.Combine(root, relative)).FullName;

    private SandboxLayout Layout(string program)
    {
        var workspace = Folder("workspace");
        Folder("workspace/memory");
        var run = Folder("run");
        foreach (var file in new[] { "mcp.json", "mcp.secret", "mcp.sock", "proxy.sock", "passwd", "group", "hosts" })
        {
            File.WriteAllText(Path.Combine(run, file), "");
        }

        return new SandboxLayout
        {
            WorkspaceDirectory = workspace,
            McpConfigFile = Path.Combine(run, "mcp.json"),
            SecretFile = Path.Combine(run, "mcp.secret"),
            McpSocketFile = Path.Combine(run, "mcp.sock"),
            ProxySocketFile = Path.Combine(run, "proxy.sock"),
            IdentityDirectory = run,
            ProgramDirectory = program,
            DotnetRoot = Path.GetDirectoryName(FutureSimExecutable.Dotnet) ?? "/usr/share/dotnet",
        };
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(SandboxLayout layout, string script)
    {
        var info = new ProcessStartInfo(Bubblewrap.Locate() ?? "bwrap") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in layout.Arguments(["/bin/sh", "-c", script]))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await output, await errors);
    }
}
