using System.CommandLine;
using FutureSim.Cli.Reports;
using FutureSim.Cli.Running;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;
using FutureSim.Interop.Scoring;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim compare &lt;run-or-leaderboard&gt;... --official &lt;manifest.json or leaderboard.json&gt;</c>: official
/// against recomputed FutureSim metrics per run and per agent, with a verdict within stated tolerances.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("run-or-leaderboard")
        {
            Description = "Run folders, a folder of run folders, or a futuresim-runs.json / futuresim-leaderboard.json written by 'leaderboard --out'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var official = new Option<string>("--official") { Description = "FutureSim's published manifest.json (per run and agent) or leaderboard.json (per agent).", Required = true };
        var finalBss = new Option<double>("--bss-tolerance") { Description = "Final-day BSS tolerance.", DefaultValueFactory = _ => 0.001 };
        var finalAccuracy = new Option<double>("--accuracy-tolerance") { Description = "Final-day top-1 tolerance in percentage points.", DefaultValueFactory = _ => 0.31 };
        var dailyBss = new Option<double>("--daily-bss-tolerance") { Description = "Per-day BSS tolerance.", DefaultValueFactory = _ => 0.005 };
        var dailyAccuracy = new Option<double>("--daily-accuracy-tolerance") { Description = "Per-day top-1 tolerance in percentage points.", DefaultValueFactory = _ => 0.5 };
        var command = new Command("compare", "Compare FutureSim's metrics recomputed from run folders with the official ones.")
        {
            inputs, official, finalBss, finalAccuracy, dailyBss, dailyAccuracy,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var given = parse.GetValue(inputs)!;
            var files = given.Where(File.Exists).ToList();
            var folders = given.Except(files).SelectMany(RunFolders).ToList();
            var ours = folders.Count > 0
                ? OfficialMetrics.From(await FutureSimView.BuildAsync(folders, host.Service<AnswerMatching>().Matcher, ct))
                : null;
            foreach (var file in files)
            {
                var read = OfficialMetrics.Read(file);
                ours = ours is null ? read : ours with { Runs = ours.Runs.AddRange(read.Runs), Agents = ours.Agents.SetItems(read.Agents) };
            }

            var tolerances = new OfficialComparison.Tolerances(parse.GetValue(finalBss), parse.GetValue(finalAccuracy), parse.GetValue(dailyBss), parse.GetValue(dailyAccuracy));
            await Console.Out.WriteAsync(OfficialComparison.Markdown(ours!, OfficialMetrics.Read(parse.GetValue(official)!), tolerances));
            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>A run folder, or the run folders directly inside a folder.</summary>
    private static IEnumerable<string> RunFolders(string path)
    {
        if (File.Exists(Path.Combine(path, RunFolderLayout.Manifest)))
        {
            return [path];
        }

        var inside = Directory.Exists(path)
            ? Directory.GetDirectories(path).Where(d => File.Exists(Path.Combine(d, RunFolderLayout.Manifest))).Order(StringComparer.Ordinal).ToList()
            : [];
        return inside.Count > 0
            ? inside
            : throw new InvalidInputException(new RecordError(path, 0, "is neither a run folder, a folder of run folders, nor a file"), "Give run folders or a futuresim-runs.json.");
    }
}
