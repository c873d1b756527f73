using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Cli.Tests.Evaluation;

/// <summary>A user's own agent, loaded by the <c>assembly</c> kind from this test assembly: it forecasts its configured probability on every binary question.</summary>
public sealed class CountingAgent(IReadOnlyDictionary<string, string> settings) : IForecastingAgent
{
    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        var yes = double.Parse(settings["Yes"], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var question in tools.ListQuestions().Open.Where(q => q.Kind == "binary").Take(3))
        {
            tools.SubmitForecasts(question.Id, new Dictionary<string, double> { ["Yes"] = yes });
        }

        return Task.CompletedTask;
    }
}
