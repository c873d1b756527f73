using System.Collections.Concurrent;
using System.Diagnostics;

namespace FutureSim.Benchmarks.Sweeps;

/// <summary>A <c>futuresim</c> process the benchmark started, its output lines kept; disposing kills it if it still runs.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private ChildProcess(string name, Process process) => (Name, this.process) = (name, process);

    public string Name { get; }

    public static ChildProcess Start(string name, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1).Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var started = new ChildProcess(name, new Process { StartInfo = info });
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is not null)
            {
                started.lines.Enqueue(e.Data);
            }
        };
        started.process.OutputDataReceived += keep;
        started.process.ErrorDataReceived += keep;
        started.process.Start();
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits until the process has written a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (!lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited || time.GetElapsedTime(started) > timeout)
            {
                throw new InvalidOperationException($"{Name} did not write '{text}' ({(process.HasExited ? "it exited" : $"within {timeout}")}). Its last lines:\n{Tail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    /// <summary>Waits for the process to end; one that fails is an error showing its last lines.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Name} failed (exit code {process.ExitCode}). Its last lines:\n{Tail()}");
        }
    }

    private string Tail() => string.Join('\n', lines.TakeLast(30));

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }

        process.Dispose();
    }
}
