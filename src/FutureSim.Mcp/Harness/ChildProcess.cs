using System.Collections.Immutable;
using System.Diagnostics;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// One launch of an agent's command: a process whose stdout and stderr are streamed to log files. Started directly (in
/// the workspace, with the given environment and stdin closed) or adopted from a prepared sandbox (whose stdin stays
/// open until the process is stopped: its end tells the sandbox to stop the agent).
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task pumps;

    private ChildProcess(Process process, string logPrefix)
    {
        this.process = process;
        StdoutPath = logPrefix + ".stdout.log";
        StderrPath = logPrefix + ".stderr.log";
        pumps = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, StdoutPath), PumpAsync(process.StandardError.BaseStream, StderrPath));
        Exited = process.WaitForExitAsync();
    }

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public int ExitCode => process.ExitCode;

    public string StdoutPath { get; }

    public string StderrPath { get; }

    /// <summary>PATH and the named variables, with the values this process has (variables it lacks are left out).</summary>
    public static ImmutableSortedDictionary<string, string> HostVariables(IEnumerable<string> names) =>
        names.Prepend("PATH")
            .Select(name => (Name: name, Value: Environment.GetEnvironmentVariable(name)))
            .Where(v => v.Value is not null)
            .DistinctBy(v => v.Name, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(v => v.Name, v => v.Value!, StringComparer.Ordinal);

    /// <summary>Starts <paramref name="command"/> in <paramref name="workingDirectory"/> with exactly <paramref name="environment"/>.</summary>
    public static ChildProcess Start(
        ImmutableArray<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment, string logPrefix)
    {
        var info = Redirected(command);
        info.WorkingDirectory = workingDirectory;

        // Nothing of the host's environment (configuration, keys, paths to the run) reaches the agent unless named.
        info.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{command[0]}'.");
        process.StandardInput.Close();
        return new ChildProcess(process, logPrefix);
    }

    /// <summary>A start description with all three standard streams redirected.</summary>
    public static ProcessStartInfo Redirected(ImmutableArray<string> command)
    {
        var info = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command[1..])
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Takes over a process started with <see cref="Redirected"/> whose output has not been read yet.</summary>
    public static ChildProcess Adopt(Process process, string logPrefix) => new(process, logPrefix);

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
        CloseInput();
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

    private void CloseInput()
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Closed already, or the process is gone.
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
