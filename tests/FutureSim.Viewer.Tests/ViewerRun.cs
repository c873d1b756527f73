using System.Text.Json;
using FutureSim.Cli;

namespace FutureSim.Viewer.Tests;

/// <summary>
/// A run made by the tests with the real command line on the bundled data (45 days, every baseline agent; the
/// news-frequency agent searches, reads and forecasts), with runs and the index in a temp folder. Built once
/// for the whole collection.
/// </summary>
public sealed class ViewerRun : IDisposable
{
    public const string RunId = "view-a";

    public ViewerRun()
    {
        Directory.CreateDirectory(Root);
        ConfigPath = Path.Combine(Root, "test.json");
        File.WriteAllText(ConfigPath, JsonSerializer.Serialize(new
        {
            Corpus = new { IndexDirectory = Path.Combine(Root, "index") },
            Simulation = new { RunsDirectory = RunsDirectory },
        }));
        var code = Cli(["run", "--run-id", RunId, "--start", "2025-01-20", "--end", "2025-03-05", "--quiet"]);
        if (code != 0)
        {
            throw new InvalidOperationException($"futuresim run exited with {code}.");
        }
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "futuresim-viewer-tests", Guid.NewGuid().ToString("N"));

    public string ConfigPath { get; }

    public string RunsDirectory => Path.Combine(Root, "runs");

    public string RunFolder => Path.Combine(RunsDirectory, RunId);

    /// <summary>The repository's root (it holds appsettings.json): where the command line finds the bundled data.</summary>
    public static string ProjectRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(directory.FullName, "corpora")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (appsettings.json and corpora/) was not found above the test folder.");
        }
    }

    /// <summary><c>futuresim view</c> of the runs folder, started on first use and stopped with the fixture.</summary>
    public Browser.ViewerProcess Viewer => _viewer ??= new Browser.ViewerProcess(this, RunsDirectory);

    private Browser.ViewerProcess? _viewer;

    /// <summary>Runs the command line in-process with this fixture's configuration; returns its exit code.</summary>
    public int Cli(string[] args) => Cli(args, TextWriter.Null);

    /// <summary>The same, its standard output written to <paramref name="output"/>.</summary>
    public int Cli(string[] args, TextWriter output)
    {
        var standard = Console.Out;
        try
        {
            Console.SetOut(output);
            return CliApp.RunAsync([.. args, "--config", ConfigPath]).GetAwaiter().GetResult();
        }
        finally
        {
            Console.SetOut(standard);
        }
    }

    /// <summary>A copy of the test run under a new id, in a folder of its own, for tests that damage or extend it.</summary>
    public string CopyRun(string id)
    {
        var target = Path.Combine(Root, "copies", id, id);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(RunFolder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    public void Dispose()
    {
        _viewer?.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
