using System.CommandLine;
using System.Text;
using FutureSim.Cli.Reports;
using FutureSim.Interop.Traces;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim import futuresim-traces &lt;folder&gt;</c> and <c>futuresim import futuresim-run &lt;dir&gt;</c>: FutureSim's run data as our run folders.</summary>
internal static class ImportCommand
{
    public const string ReportName = "futuresim-import";

    public static Command Create()
    {
        var command = new Command("import", "Import runs of the original FutureSim as run folders, scored on import.") { CreateTraces() };
        return command;
    }

    private static Command CreateTraces()
    {
        var folder = new Argument<string>("folder") { Description = "The published data folder futuresim/traces/data of OpenForecaster/openforecaster.github.io (holds manifest.json)." };
        var output = new Option<string>("--out") { Description = "Where the run folders are written (one per official run).", DefaultValueFactory = _ => "runs" };
        var matcher = new Option<string>("--matcher") { Description = "inferred: judge verdicts inferred from the printed official results, string matcher for the rest; string: the normalised string matcher only.", DefaultValueFactory = _ => "inferred" };
        matcher.AcceptOnlyFromAmong("inferred", "string");
        var command = new Command("futuresim-traces", "Import FutureSim's published official runs (manifest.json, runs/<agent>/<run_id>/<day>.json, workspaces/).") { folder, output, matcher };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var outputFolder = parse.GetValue(output)!;
            var report = await TraceImporter.ImportAsync(
                new TraceImportOptions
                {
                    DataFolder = parse.GetValue(folder)!,
                    OutputFolder = outputFolder,
                    SkipInvalid = parse.GetValue(CommonOptions.SkipInvalid),
                    Verdicts = parse.GetValue(matcher) == "string" ? VerdictSource.String : VerdictSource.Inferred,
                },
                ct);
            var reports = host.Service<RunReports>();
            foreach (var run in report.Runs)
            {
                await reports.RescoreAsync(Path.Combine(outputFolder, run.RunFolder), null, ct);
            }

            var markdown = TraceImportReportText.Markdown(report);
            await File.WriteAllTextAsync(Path.Combine(outputFolder, ReportName + ".md"), markdown, new UTF8Encoding(false), ct);
            await File.WriteAllTextAsync(Path.Combine(outputFolder, ReportName + ".json"), TraceImportReportText.Json(report), new UTF8Encoding(false), ct);
            await Console.Out.WriteAsync(markdown);
            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }
}
