using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Tools;
using Microsoft.Extensions.Logging;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// What every framework agent does around its day: one day at a time (a day abandoned by the harness may still
/// be unwinding), the tools bound to the day, the model-call decorators told the day, a daily limit reached in
/// the middle of a model call taken as the end of the day, the day closed and the usage saved at the end; before a
/// run or a resume, the model calls and usage of a day a kill cut off are dropped (<see cref="DiscardAfter"/>).
/// </summary>
internal sealed class FrameworkDays(string name, ToolDay day, ModelCallStack? stack, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim oneDayAtATime = new(1, 1);

    public async Task RunAsync(IForecastingTools tools, Func<Task> act, CancellationToken cancellationToken)
    {
        await oneDayAtATime.WaitAsync(cancellationToken);
        try
        {
            day.Begin(tools);
            stack?.BeginDay(tools.Today);
            using var logScope = logger.BeginScope(new Dictionary<string, object> { ["Agent"] = name, ["Day"] = tools.Today });
            try
            {
                await act();
                logger.LogDebug("Agent {Agent} ended {Day}: {Ending}", name, tools.Today, day.Ending ?? "the model answered without calling a tool");
            }
            catch (DayLimitReachedException e)
            {
                logger.LogDebug("Agent {Agent} ended {Day}: {Ending}", name, tools.Today, e.Message);
            }
            finally
            {
                day.End("the harness ended the day");
                stack?.Usage.Save();
            }
        }
        finally
        {
            oneDayAtATime.Release();
        }
    }

    /// <summary>Drops the model calls and usage recorded for days after <paramref name="lastCompletedDay"/>, so a re-run day is recorded once.</summary>
    public void DiscardAfter(DateOnly? lastCompletedDay) => stack?.DiscardAfter(lastCompletedDay);

    public void Dispose()
    {
        oneDayAtATime.Dispose();
        stack?.Client.Dispose();
    }
}
