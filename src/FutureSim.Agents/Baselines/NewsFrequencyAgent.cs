using System.Collections.Immutable;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Agents.Baselines;

/// <summary>
/// A retrieval baseline for free-form and multiple-choice questions. Each day, for each such open
/// question, it searches the visible news with the question's words, reads the best hits in full, and
/// counts the candidate answers they mention (weighted by 1 / rank, ignoring names the question itself
/// mentions; multiple-choice questions count only their options). The five most frequent candidates
/// share <see cref="Mass"/> of probability in proportion to their weight; the rest is left unassigned.
/// It abstains on binary questions and where the news names no candidate.
/// </summary>
internal sealed class NewsFrequencyAgent(int hitsPerQuestion = 8, int articlesRead = 2) : IForecastingAgent
{
    public const double Mass = 0.6;

    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        foreach (var question in tools.ListQuestions().Open.Where(q => q.Kind != "binary"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var forecast = Forecast(tools, question);
            if (forecast.Count > 0 && !SameAs(forecast, question.MyForecast))
            {
                tools.SubmitForecasts(question.Id, forecast);
            }
        }

        return Task.CompletedTask;
    }

    private Dictionary<string, double> Forecast(IForecastingTools tools, OpenQuestionView question)
    {
        var search = tools.SearchNews(CandidateAnswers.QueryFor(question.Title), hitsPerQuestion, toDate: tools.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var context = question.Title + " " + question.Background;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var rank = 0; rank < search.Hits.Length; rank++)
        {
            var hit = search.Hits[rank];
            var text = rank < articlesRead ? tools.GetArticle(hit.Id).Article?.Text ?? hit.Text : hit.Text;
            foreach (var candidate in CandidatesIn(hit.Title + ". " + text, question, context))
            {
                weights[candidate] = weights.GetValueOrDefault(candidate) + 1.0 / (rank + 1);
            }
        }

        var top = weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(5).ToArray();
        var total = top.Sum(w => w.Value);
        return top.ToDictionary(w => w.Key, w => Math.Round(Mass * w.Value / total, 3));
    }

    private static IEnumerable<string> CandidatesIn(string text, OpenQuestionView question, string context)
    {
        if (!question.Options.IsDefaultOrEmpty)
        {
            return question.Options.Where(o => text.Contains(o, StringComparison.OrdinalIgnoreCase));
        }

        return CandidateAnswers.In(text, question.AnswerType).Where(c => !CandidateAnswers.NamedIn(c, context));
    }

    private static bool SameAs(Dictionary<string, double> forecast, ImmutableSortedDictionary<string, double>? held) =>
        held is not null && held.Count == forecast.Count && forecast.All(f => held.TryGetValue(f.Key, out var p) && p == f.Value);
}
