using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Agents.Baselines;

/// <summary>
/// Forecasts on every open binary question the share of already-resolved binary questions that resolved
/// Yes, learned online from the resolutions it has been shown, with Laplace's rule of succession
/// <c>(yes + 1) / (resolved + 2)</c> so that it starts at 0.5. It keeps no memory of its own: the rate is
/// recomputed each day from the market view, and a forecast is revised only when the rate has moved by at
/// least <see cref="Revision"/>.
/// </summary>
internal sealed class BaseRateAgent : IForecastingAgent
{
    public const double Revision = 0.005;

    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        var market = tools.ListQuestions();
        var resolved = market.Resolved.Where(q => q.Kind == "binary").ToArray();
        var rate = Math.Round((resolved.Count(q => QuestionResolution.IsYes(q.Truth)) + 1.0) / (resolved.Length + 2.0), 4);
        foreach (var question in market.Open.Where(q => q.Kind == "binary"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = question.MyForecast?.GetValueOrDefault(QuestionResolution.Yes);
            if (current is null || Math.Abs(current.Value - rate) >= Revision)
            {
                tools.SubmitForecasts(question.Id, new Dictionary<string, double> { [QuestionResolution.Yes] = rate });
            }
        }

        return Task.CompletedTask;
    }
}
