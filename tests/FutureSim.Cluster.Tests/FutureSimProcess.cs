using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace FutureSim.Cluster.Tests;

/// <summary>A <c>futuresim</c> process started from the built executable, its standard error collected line by line.</summary>
internal sealed class FutureSimProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> errors = new();
    private readonly System.Text.StringBuilder output = new();
    private readonly TaskCompletionSource outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FutureSimProcess(Process process) => this.process = process;

    public static string DllPath { get; } = Path.GetFullPath(
        typeof(FutureSimProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FutureSimCli").Value!);

    /// <summary>The repository (it holds appsettings.json and the bundled corpora): the processes run there.</summary>
    public static string ProjectRoot { get; } = FindRoot();

    public string Name { get; private init; } = "";

    public IEnumerable<string> Errors => errors;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public static FutureSimProcess Start(string name, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var info = new ProcessStartInfo(dotnet) { WorkingDirectory = ProjectRoot, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var started = new FutureSimProcess(process) { Name = name };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                started.errors.Enqueue(e.Data);
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                started.outputClosed.TrySetResult();
                return;
            }

            lock (started.output)
            {
                started.output.Append(e.Data).Append('\n');
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return started;
    }

    /// <summary>Waits until a line of standard error matches, or fails after <paramref name="timeout"/> (saying what it saw).</summary>
    public async Task<string> WaitForErrorLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (errors.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{Name} did not log the expected line within {timeout} (exited: {process.HasExited}). Its log:\n{string.Join('\n', errors.TakeLast(60))}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            await outputClosed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}. Its log:\n{string.Join('\n', errors.TakeLast(60))}");
        }

        return process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was writing.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "appsettings.json")) && File.Exists(Path.Combine(directory.FullName, "FutureSim.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run below the repository, which holds appsettings.json and FutureSim.sln.");
    }
}
