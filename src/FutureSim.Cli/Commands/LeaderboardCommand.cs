using System.CommandLine;
using FutureSim.Cli.Reports;
using FutureSim.Cli.Running;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim leaderboard &lt;run-dir&gt;...</c> and <c>futuresim score &lt;run-dir&gt;</c>: scores and
/// leaderboards recomputed from run folders alone.
/// </summary>
internal static class LeaderboardCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("run-dir") { Description = "Run folders; seeds of the same configuration are pooled.", Arity = ArgumentArity.OneOrMore };
        var format = RunReports.FormatOption([.. RunReports.Formats, TerminalLeaderboard.Format]);
        var output = new Option<string>("--out") { Description = "Also write the leaderboard in every format, and its charts, into this folder." };
        var command = new Command("leaderboard", "Build one leaderboard from one or more run folders, with bootstrap intervals.") { runs, format, output };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var scores = await host.Service<RunReports>().ScoreAllAsync(parse.GetValue(runs)!, ct);
            var board = Leaderboard.Build(scores, LeaderboardOptions.Default);
            var futureSim = await FutureSimView.BuildAsync(parse.GetValue(runs)!, host.Service<AnswerMatching>().Matcher, ct);
            if (parse.GetValue(output) is { } folder)
            {
                await RunReports.WriteLeaderboardAsync(board, folder, null, ct);
                await FutureSimView.WriteAsync(futureSim, folder, ct);
            }

            var chosen = parse.GetValue(format) ?? TerminalLeaderboard.DefaultFormat;
            if (chosen == TerminalLeaderboard.Format)
            {
                await Console.Out.WriteAsync(TerminalLeaderboard.Render(board, parse.GetValue(output), parse.GetValue(runs)!));
            }
            else
            {
                await Console.Out.WriteAsync(RunReports.Render(board, chosen));
                if (chosen == "md" && FutureSimView.HasImports(futureSim))
                {
                    await Console.Out.WriteAsync(FutureSimView.Markdown(futureSim));
                }
            }

            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }

    public static Command CreateScore()
    {
        var run = new Argument<string>("run-dir") { Description = "The run folder to rescore." };
        var perQuestion = new Option<bool>("--per-question") { Description = "Print every agent's score on every question (CSV) instead of the leaderboard." };
        var format = RunReports.FormatOption("md", TerminalLeaderboard.Format);
        var command = new Command("score", "Rescore a run folder, rewrite its derived files (daily_metrics.csv, leaderboard, charts) and print the leaderboard. Refused while another process writes the run.") { run, perQuestion, format };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var folder = parse.GetValue(run)!;
            RunFolder.Open(folder);
            using var writing = RunFolderLock.Acquire(folder, "score"); // never rewrite the derived files of a run that is being written
            var (scores, board) = await host.Service<RunReports>().RescoreAsync(folder, null, ct);
            if (parse.GetValue(perQuestion))
            {
                await Console.Out.WriteAsync(QuestionScoresCsv.Render(scores));
            }
            else
            {
                await Console.Out.WriteAsync((parse.GetValue(format) ?? TerminalLeaderboard.DefaultFormat) == TerminalLeaderboard.Format
                    ? TerminalLeaderboard.Render(board, folder, [folder])
                    : RunReports.Render(board, "md"));
            }

            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }
}
