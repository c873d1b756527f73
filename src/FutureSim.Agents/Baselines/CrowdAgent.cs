using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Agents.Baselines;

/// <summary>
/// Copies the crowd: on binary questions with a market probability (ForecastBench's freeze value, listed
/// only from its freeze instant on) it forecasts that probability; elsewhere it abstains.
/// </summary>
internal sealed class CrowdAgent : IForecastingAgent
{
    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        foreach (var question in tools.ListQuestions().Open)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (question.CrowdProbabilityYes is { } crowd && question.MyForecast?.GetValueOrDefault(QuestionResolution.Yes) != crowd)
            {
                tools.SubmitForecasts(question.Id, new Dictionary<string, double> { [QuestionResolution.Yes] = crowd });
            }
        }

        return Task.CompletedTask;
    }
}
