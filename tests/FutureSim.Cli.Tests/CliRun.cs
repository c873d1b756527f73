using System.Text.Json;

namespace FutureSim.Cli.Tests;

/// <summary>
/// Runs the <c>futuresim</c> command line in-process against the project's bundled data, with runs and
/// the index in a temp folder (through a <c>--config</c> file, as a user would). Shared by the test
/// classes of the <see cref="CliCollection"/>, so that the bundled index is built once.
/// </summary>
public sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Directory.CreateDirectory(Root);
        ConfigPath = Path.Combine(Root, "test.json");
        File.WriteAllText(ConfigPath, JsonSerializer.Serialize(new
        {
            Corpus = new { IndexDirectory = Path.Combine(Root, "index") },
            Simulation = new { RunsDirectory = Path.Combine(Root, "runs") },
        }));
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "futuresim-cli-tests", Guid.NewGuid().ToString("N"));

    public string ConfigPath { get; }

    public string RunsDirectory => Path.Combine(Root, "runs");

    /// <summary>Runs the command with <c>--config</c> added; returns the exit code and what it wrote to standard output (standard error is left alone).</summary>
    internal Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunWithConfigAsync(ConfigPath, args);

    /// <summary>Runs the command with another configuration file than the shared one (another index, say).</summary>
    internal async Task<(int ExitCode, string Output)> RunWithConfigAsync(string configPath, params string[] args)
    {
        var (code, output, _) = await RunAsync(configPath, captureErrors: false, args);
        return (code, output);
    }

    /// <summary>Runs the command with <c>--config</c> added; returns the exit code and what it wrote to standard output and to standard error.</summary>
    internal Task<(int ExitCode, string Output, string Error)> RunCapturingAsync(params string[] args) => RunAsync(ConfigPath, captureErrors: true, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string configPath, bool captureErrors, string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        await Gate.WaitAsync();
        try
        {
            Console.SetOut(output);
            if (captureErrors)
            {
                Console.SetError(errors);
            }

            var code = await CliApp.RunAsync([.. args, "--config", configPath]);
            return (code, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Gate.Release();
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>Console output is process-wide: one command at a time.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);
}
