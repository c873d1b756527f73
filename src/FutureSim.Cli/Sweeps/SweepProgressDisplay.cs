using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FutureSim.Cli.Sweeps;

/// <summary>
/// Shows a sweep's progress while <c>work</c> runs: a bar of simulated days with the runs done, running and failed on
/// standard error when it is a terminal, else a log line whenever the runs' counts change. Standard output stays free.
/// </summary>
internal static class SweepProgressDisplay
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    public static async Task RunAsync(string sweep, Func<SweepTally> read, bool quiet, ILogger logger, TimeProvider time, Func<Task> work)
    {
        if (quiet || Console.IsErrorRedirected)
        {
            SweepTally? last = null;
            void Log()
            {
                var tally = read();
                if (last is null || (tally.Done, tally.Running, tally.Failed) != (last.Done, last.Running, last.Failed))
                {
                    logger.LogInformation("Sweep {Sweep}: {Tally}", sweep, tally.Describe());
                    last = tally;
                }
            }

            await Poll(work(), Log, time);
            Log();
            return;
        }

        await Running.DayProgressDisplay.OnStandardError().StartAsync(async context =>
            {
                var first = read();
                var task = context.AddTask(sweep, maxValue: Math.Max(1, first.Days));
                void Show()
                {
                    var tally = read();
                    task.MaxValue = Math.Max(1, tally.Days);
                    task.Value = tally.DaysDone;
                    task.Description = $"{sweep}: {Markup.Escape(tally.Describe())}";
                }

                await Poll(work(), Show, time);
                Show();
            });
    }

    private static async Task Poll(Task work, Action show, TimeProvider time)
    {
        while (!work.IsCompleted)
        {
            show();
            await Task.WhenAny(work, Task.Delay(Every, time));
        }

        await work;
    }
}
