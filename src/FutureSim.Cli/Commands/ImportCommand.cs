using System.CommandLine;
using System.Text;
using FutureSim.Cli.Reports;
using FutureSim.Cli.Running;
using FutureSim.Interop.Native;
using FutureSim.Interop.Scoring;
using FutureSim.Interop.Traces;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim import futuresim-traces &lt;folder&gt;</c> and <c>futuresim import futuresim-run &lt;dir&gt;</c>: FutureSim's run data as our run folders.</summary>
internal static class ImportCommand
{
    public const string ReportName = "futuresim-import";

    public static Command Create()
    {
        var command = new Command("import", "Import runs of the original FutureSim as run folders, scored on import.") { CreateTraces(), CreateRun() };
        return command;
    }

    private static Command CreateRun()
    {
        var folder = new Argument<string>("dir") { Description = "A run folder of FutureSim's Python harness (config.json, actions.jsonl, daily_metrics.csv, matcher.jsonl)." };
        var questions = new Option<string>("--questions") { Description = "The question file (CSV, JSON Lines, JSON or Parquet; FutureSim's column aliases). Default: the folder's questions.jsonl, else the resolution records." };
        var output = new Option<string>("--out") { Description = "The run folder to write. Default: runs/futuresim-<folder name>." };
        var command = new Command("futuresim-run", "Import a run folder written by FutureSim's Python harness.") { folder, questions, output };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var source = parse.GetValue(folder)!;
            var target = parse.GetValue(output) ?? Path.Combine("runs", "futuresim-" + Path.GetFileName(Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar)));
            var import = FutureSimRunImporter.Import(new FutureSimRunImportOptions
            {
                RunDirectory = source,
                QuestionsFile = parse.GetValue(questions),
                OutputFolder = target,
                SkipInvalid = parse.GetValue(CommonOptions.SkipInvalid),
            });
            var (_, board) = await host.Service<RunReports>().RescoreAsync(target, null, ct);
            await Console.Out.WriteLineAsync(
                $"Imported {source} into {target}: {import.Questions} questions, {import.Forecasts} forecasts, {import.Refused} refused, {import.Verdicts} matcher verdicts, {import.Skipped.Length} bad lines skipped.");
            foreach (var skipped in import.Skipped)
            {
                await Console.Error.WriteLineAsync("skipped: " + skipped);
            }

            if (import.Reported is { } reported)
            {
                var ours = OfficialMetrics.From(await FutureSimView.BuildAsync([target], host.Service<AnswerMatching>().Matcher, ct));
                ours = ours with { Runs = [.. ours.Runs.Select(r => (r.Agent, r.Agent, r.Agent, r.Daily))] };
                await Console.Out.WriteAsync("\nRecomputed against the run's own daily_metrics.csv (avg_brier, accuracy):\n\n"
                    + OfficialComparison.Markdown(ours, reported, new OfficialComparison.Tolerances()));
            }

            await Console.Out.WriteAsync(RunReports.Render(board, "md"));
            return CommandHost.Success;
        }, cancellationToken));
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
