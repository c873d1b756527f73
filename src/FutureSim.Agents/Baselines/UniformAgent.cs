using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Agents.Baselines;

/// <summary>
/// 0.5 on every binary question and equal mass on the options of a multiple-choice question (the first
/// five by name when there are more, since a forecast names at most five outcomes). Free-form questions
/// have no options to spread mass over, so it abstains on them.
/// </summary>
internal sealed class UniformAgent : IForecastingAgent
{
    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        foreach (var question in tools.ListQuestions().Open.Where(q => q.MyForecast is null))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (question.Kind == "binary")
            {
                tools.SubmitForecasts(question.Id, new Dictionary<string, double> { [QuestionResolution.Yes] = 0.5 });
            }
            else if (!question.Options.IsDefaultOrEmpty)
            {
                var p = 1.0 / question.Options.Length;
                tools.SubmitForecasts(question.Id, question.Options.Order(StringComparer.Ordinal).Take(5).ToDictionary(o => o, _ => p));
            }
        }

        return Task.CompletedTask;
    }
}
