using System.CommandLine;
using System.Net;
using System.Security.Cryptography;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Running;
using FutureSim.Interop.Verdicts;
using FutureSim.Viewer.Articles;
using FutureSim.Viewer.Report;
using FutureSim.Viewer.Runs;
using FutureSim.Viewer.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim view</c> (a local web viewer of run folders) and <c>futuresim report</c> (the same pages as one
/// self-contained HTML file). Both read run folders only, through the readers scoring uses; neither is
/// reachable from an agent's tools.
/// </summary>
internal static class ViewCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("runs") { Description = "Run folders, or folders of runs (default: the configured runs folder).", Arity = ArgumentArity.ZeroOrMore };
        var port = new Option<int>("--port") { Description = "The port to listen on (0: any free port).", DefaultValueFactory = _ => 5180 };
        var listen = new Option<string>("--listen") { Description = "The address to listen on (default 127.0.0.1, this machine only).", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("view", "Browse run folders in a local web viewer: leaderboard, every question and agent day, comparisons, audit; runs being written refresh as days complete.")
        {
            runs, port, listen,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(listen), out var address))
            {
                throw new OptionsException($"--listen {parse.GetValue(listen)}: not an IP address (e.g. 127.0.0.1).");
            }

            using var library = Library(host, parse.GetValue(runs));
            var options = new ViewerOptions { Port = parse.GetValue(port), Address = address, Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new OptionsException(e.Message);
            }

            await using var server = await StartAsync(library, options, ct);
            await Console.Out.WriteLineAsync($"FutureSim viewer of {library.Runs.Length} run(s): {server.Address}");
            await Console.Out.WriteLineAsync("Open the address above (it carries the access token); Ctrl+C stops the viewer.");
            await Console.Out.FlushAsync(ct);
            await server.RunUntilCancelledAsync(ct);
            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }

    public static Command CreateReport()
    {
        var runs = new Argument<string[]>("run-dir") { Description = "Run folders, or folders of runs.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The HTML file to write.", DefaultValueFactory = _ => "report.html" };
        var command = new Command("report", "Write the viewer's pages for run folders as one self-contained HTML file (no network access, no external scripts or fonts).")
        {
            runs, output,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            using var library = Library(host, parse.GetValue(runs));
            var file = parse.GetValue(output)!;
            var bytes = await StaticReport.WriteAsync(library, file, ct);
            foreach (var run in library.Runs)
            {
                var snapshot = await library.GetAsync(run, ct);
                if (snapshot.Error is { } error)
                {
                    await Console.Error.WriteLineAsync($"warning: run {run.Id} could not be read and is shown with its error: {error}");
                }
            }

            await Console.Out.WriteLineAsync($"Report of {library.Runs.Length} run(s) written to {Path.GetFullPath(file)} ({bytes / 1e6:0.0} MB).");
            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>Starts the server; an address it cannot listen on is the researcher's to change, not a crash.</summary>
    private static async Task<ViewerServer> StartAsync(RunLibrary library, ViewerOptions options, CancellationToken ct)
    {
        try
        {
            return await ViewerServer.StartAsync(library, options, ct);
        }
        catch (IOException e)
        {
            throw new OptionsException($"--listen {options.Address} --port {options.Port}: {e.Message} Give another --port (0: any free port).");
        }
    }

    private static RunLibrary Library(CliHost host, string[]? paths)
    {
        var project = host.Service<ProjectSettings>();
        var given = paths is { Length: > 0 } ? paths : [project.Resolve(host.Service<IOptions<SimulationOptions>>().Value.RunsDirectory)];
        var located = RunLocator.Find(given);
        var corpora = host.Service<CorpusOpener>();
        var logger = host.Service<ILogger<RunLibrary>>();
        logger.LogInformation("Viewing {Runs} run(s): {Ids}", located.Length, string.Join(", ", located.Select(r => r.Id)));
        var articles = new ArticleLibrary((manifest, ct) => corpora.OpenQuietlyAsync(manifest.CorpusFiles, manifest.Corpus.Policy, ct));
        var matcher = host.Service<AnswerMatching>().Matcher;
        return new RunLibrary(located, folder => RecordedVerdictMatcher.For(folder, matcher), articles, host.Service<TimeProvider>()); // as scoring does
    }
}
