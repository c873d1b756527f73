using FutureSim.Core.Simulation;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FutureSim.Cli.Running;

/// <summary>
/// Shows a run's progress: a progress bar on standard error when it is a terminal, else a log line
/// about every twentieth of the run. Standard output stays free for results.
/// </summary>
internal static class DayProgressDisplay
{
    public static async Task RunAsync(int totalDays, bool quiet, ILogger logger, Func<IProgress<DayReport>, Task> work)
    {
        var every = Math.Max(1, totalDays / 20);
        var logged = new Progress(report =>
        {
            if (report.DayNumber % every == 0 || report.DayNumber == report.TotalDays)
            {
                logger.LogInformation(
                    "Day {Day:yyyy-MM-dd} ({Number}/{Total}): {Open} open, {Resolved} resolved, {Forecasts} forecasts, {Calls} tool calls, {Failures} failures",
                    report.Day, report.DayNumber, report.TotalDays, report.OpenQuestions, report.Resolved, report.Forecasts, report.ToolCalls, report.Failures);
            }
        });

        if (quiet || Console.IsErrorRedirected)
        {
            await work(logged);
            return;
        }

        await OnStandardError().StartAsync(async context =>
            {
                var task = context.AddTask("Replaying days", maxValue: totalDays);
                await work(new Progress(report =>
                {
                            task.Value = report.DayNumber;
                    task.Description = $"Day {report.Day:yyyy-MM-dd}: {report.OpenQuestions} open";
                }));
            });
    }

    /// <summary>A progress display (description, bar, percentage, time left) on standard error, which is a terminal.</summary>
    public static Spectre.Console.Progress OnStandardError() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes, Ansi = AnsiSupport.Detect })
            .Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn());

    /// <summary>Reports synchronously on the runner's thread, so that the display never lags behind the run.</summary>
    private sealed class Progress(Action<DayReport> report) : IProgress<DayReport>
    {
        public void Report(DayReport value) => report(value);
    }
}
