using System.Collections.Immutable;
using System.Diagnostics;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// One launch of an agent's command: started in the workspace with a scrubbed environment (PATH plus the
/// variables the agent's settings name), stdin closed, stdout and stderr streamed to log files.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task pumps;

    private ChildProcess(Process process, Task pumps, string stdoutPath, string stderrPath)
    {
        this.process = process;
        this.pumps = pumps;
        StdoutPath = stdoutPath;
        StderrPath = stderrPath;
        Exited = process.WaitForExitAsync();
    }

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public int ExitCode => process.ExitCode;

    public string StdoutPath { get; }

    public string StderrPath { get; }

    public static ChildProcess Start(
        ImmutableArray<string> command, string workingDirectory, IEnumerable<string> environmentNames, string logPrefix)
    {
        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command[1..])
        {
            info.ArgumentList.Add(argument);
        }

        // Nothing of the host's environment (configuration, keys, paths to the run) reaches the agent unless named.
        info.Environment.Clear();
        foreach (var name in environmentNames.Prepend("PATH"))
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                info.Environment[name] = value;
            }
        }

        var stdoutPath = logPrefix + ".stdout.log";
        var stderrPath = logPrefix + ".stderr.log";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{command[0]}'.");
        process.StandardInput.Close();
        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput.BaseStream, stdoutPath),
            PumpAsync(process.StandardError.BaseStream, stderrPath));
        return new ChildProcess(process, pumps, stdoutPath, stderrPath);
    }

    /// <summary>Waits up to <paramref name="grace"/> for the process to exit by itself, then kills it and its children.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            await Exited.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            Kill();
        }

        await Exited;
        await DrainAsync();
    }

    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Exited;
        await DrainAsync();
        process.Dispose();
    }

    /// <summary>Lets the log pumps finish; a grandchild still holding the pipes open must not hold up the harness.</summary>
    private async Task DrainAsync()
    {
        try
        {
            await pumps.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }
    }

    private static async Task PumpAsync(Stream from, string path)
    {
        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        try
        {
            await from.CopyToAsync(file);
        }
        catch (IOException)
        {
            // The process went away mid-write.
        }
    }
}
