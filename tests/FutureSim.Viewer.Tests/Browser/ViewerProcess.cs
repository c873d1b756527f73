using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FutureSim.Viewer.Tests.Browser;

/// <summary><c>futuresim view …</c> as a process of its own, as a researcher starts it; stopped (by its id) when disposed.</summary>
public sealed partial class ViewerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _errors = [];

    public ViewerProcess(ViewerRun run, params string[] paths)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ViewerRun.ProjectRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "futuresim.dll"));
        foreach (var argument in (string[])["view", .. paths, "--port", "0", "--config", run.ConfigPath])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["FUTURESIM_ROOT"] = ViewerRun.ProjectRoot;
        _process = Process.Start(info) ?? throw new InvalidOperationException("futuresim view did not start.");
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_errors) { _errors.Add(e.Data); } } };
        _process.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        while (_process.StandardOutput.ReadLine() is { } line)
        {
            if (Address().Match(line) is { Success: true } match)
            {
                Url = match.Value;
                Base = Url[..Url.IndexOf("/?", StringComparison.Ordinal)];
                SecondsToAddress = started.Elapsed.TotalSeconds;
                _ = _process.StandardOutput.ReadToEndAsync(); // keep draining
                return;
            }
        }

        throw new InvalidOperationException("futuresim view printed no address: " + string.Join("\n", _errors));
    }

    /// <summary>The address it printed, access token included.</summary>
    public string Url { get; } = "";

    /// <summary>Scheme, host and port.</summary>
    public string Base { get; } = "";

    public double SecondsToAddress { get; }

    /// <summary>The address of a page of the viewer (a route after '#').</summary>
    public string Page(string route) => Base + "/#" + route;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"http://[0-9.:\[\]a-z]+/\?token=[0-9a-f]+")]
    private static partial Regex Address();
}
