using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FutureSim.Mcp.Relay;

namespace FutureSim.Mcp.Sandbox;

/// <summary>
/// The first process inside an agent's sandbox (<c>futuresim sandbox-entry</c>, started by the host, never by hand).
/// It forwards 127.0.0.1:<see cref="SandboxLayout.ProxyPort"/> to the host's allow-list proxy through the Unix socket
/// bound into the sandbox, then waits for the host's <see cref="LaunchMessage"/> on standard input, starts the agent's
/// command with standard input closed and this process's output streams, and exits with the command's exit code. The
/// end of standard input (the host stopped the agent, or went away) stops the command.
/// </summary>
public static class SandboxEntry
{
    /// <summary>The CLI verb that runs <see cref="RunAsync"/>.</summary>
    public const string VerbName = "sandbox-entry";

    /// <summary>The exit code when the command cannot be started, as a shell's.</summary>
    public const int CannotStart = 127;

    public static async Task<int> RunAsync(int proxyPort, string proxySocket, Stream input, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var forwarder = SocketAcceptLoop.Tcp(IPAddress.Loopback, proxyPort, (client, ct) => ForwardAsync(client, proxySocket, ct));
        await WarmUpAsync();
        using var reader = new StreamReader(input);
        var line = await reader.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            return 0;
        }

        LaunchMessage message;
        try
        {
            message = LaunchMessage.Parse(line);
        }
        catch (FormatException e)
        {
            await errors.WriteLineAsync($"futuresim sandbox: {e.Message}");
            return 2;
        }

        using var process = Start(message, out var problem);
        if (process is null)
        {
            await errors.WriteLineAsync(
                $"futuresim sandbox: cannot start '{message.Command[0]}': {problem}. Inside the sandbox only the system folders, " +
                "the workspace and the agent's ReadOnlyPaths exist; give the program's folder in ReadOnlyPaths.");
            return CannotStart;
        }

        // Anything more on standard input is ignored; its end means stop.
        var hostGone = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is not null)
            {
            }
        }, CancellationToken.None);
        var exited = process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(exited, hostGone) == hostGone || cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }

    /// <summary>
    /// Runs the launch path once with <c>true</c> while the sandbox waits for its day, so that the day's launch does not
    /// pay for compiling it.
    /// </summary>
    private static async Task WarmUpAsync()
    {
        var rehearsal = LaunchMessage.Parse(new LaunchMessage(["true"], ImmutableSortedDictionary<string, string>.Empty.Add("PATH", "/usr/bin:/bin"), "/").ToJsonLine());
        using var process = Start(rehearsal, out _);
        if (process is not null)
        {
            await process.WaitForExitAsync();
        }
    }

    private static Process? Start(LaunchMessage message, out string problem)
    {
        var info = new ProcessStartInfo(message.Command[0])
        {
            WorkingDirectory = message.Directory,
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        foreach (var argument in message.Command[1..])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in message.Environment)
        {
            info.Environment[name] = value;
        }

        try
        {
            var process = Process.Start(info)!;
            process.StandardInput.Close();
            problem = "";
            return process;
        }
        catch (Win32Exception e)
        {
            problem = e.Message;
            return null;
        }
    }

    private static async Task ForwardAsync(Socket client, string proxySocket, CancellationToken cancellationToken)
    {
        using var host = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await host.ConnectAsync(new UnixDomainSocketEndPoint(proxySocket), cancellationToken);
        await using var inner = new NetworkStream(client, ownsSocket: false);
        await using var outer = new NetworkStream(host, ownsSocket: false);
        await DuplexCopy.BothWaysAsync(inner, outer, cancellationToken);
    }
}
