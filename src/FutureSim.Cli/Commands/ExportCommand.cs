using System.CommandLine;
using FutureSim.Cli.Running;
using FutureSim.Core.Runs;
using FutureSim.Interop.Native;
using FutureSim.Interop.Verdicts;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim export futuresim &lt;run-dir&gt;</c>: a run in the Python harness's format, for FutureSim's own analysis scripts.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run-dir") { Description = "The run folder to export." };
        var output = new Option<string>("--out") { Description = "Where to write actions.jsonl, daily_metrics.csv, config.json and questions.jsonl. Default: <run-dir>/futuresim." };
        var futureSim = new Command("futuresim", "Write actions.jsonl and daily_metrics.csv in FutureSim's run format.") { run, output };
        futureSim.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var folder = parse.GetValue(run)!;
            var target = parse.GetValue(output) ?? Path.Combine(folder, "futuresim");
            var record = RunFolderReader.Read(folder);
            await FutureSimRunExporter.ExportAsync(record, RecordedVerdictMatcher.For(folder, host.Service<AnswerMatching>().Matcher), target, ct);
            await Console.Out.WriteLineAsync($"Wrote {FutureSimRunExporter.Actions}, {FutureSimRunExporter.DailyMetrics}, {FutureSimRunExporter.Config} and {FutureSimRunExporter.Questions} to {target}.");
            return CommandHost.Success;
        }, cancellationToken));
        return new Command("export", "Export a run in another harness's format.") { futureSim };
    }
}
