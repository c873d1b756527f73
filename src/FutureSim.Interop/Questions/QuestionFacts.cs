using System.Globalization;
using System.Text.RegularExpressions;

namespace FutureSim.Interop.Questions;

/// <summary>
/// Facts about the questions found in one run's printed texts: the "resolve tomorrow (D): [ids]" lists of
/// FutureSim's <c>next_day</c> replies (resolution dates by id) and the <c>state.json</c> resolution events
/// agents printed (id, title, truth, date and the official per-question result). Not thread-safe: one per run.
/// </summary>
internal sealed partial class QuestionFacts
{
    private readonly Dictionary<string, SortedDictionary<DateOnly, int>> _resolutionVotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StateResolution> _states = new(StringComparer.Ordinal);
    private readonly List<(DateOnly From, DateOnly To, RecapEntry Entry)> _recaps = [];

    /// <summary>Votes for each question's resolution date: id → date → how many lists named it.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<DateOnly, int>> ResolutionVotes => _resolutionVotes;

    /// <summary>The printed <c>state.json</c> resolution events, by question id (the first seen).</summary>
    public IReadOnlyDictionary<string, StateResolution> States => _states;

    /// <summary>
    /// Every results entry printed in the run, in reading order, with the days of its results header. They come
    /// from <c>next_day</c> replies and also from replies the harness saved to a file that the agent read later.
    /// </summary>
    public IReadOnlyList<(DateOnly From, DateOnly To, RecapEntry Entry)> Recaps => _recaps;

    public void Scan(string text)
    {
        if (text.Contains("RESULTS SINCE YOUR LAST SESSION", StringComparison.Ordinal))
        {
            _recaps.AddRange(RecapParser.ParseAll(text));
        }

        if (text.Contains("resolve tomorrow", StringComparison.Ordinal))
        {
            foreach (Match list in ResolveTomorrow().Matches(text))
            {
                var day = DateOnly.ParseExact(list.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (Match id in QuotedId().Matches(list.Groups["ids"].Value))
                {
                    var votes = _resolutionVotes.TryGetValue(id.Groups[1].Value, out var v) ? v : _resolutionVotes[id.Groups[1].Value] = [];
                    votes[day] = votes.GetValueOrDefault(day) + 1;
                }
            }
        }

        if (text.Contains("'ground_truth': ", StringComparison.Ordinal))
        {
            foreach (Match state in StateEvent().Matches(text))
            {
                var id = state.Groups["qid"].Value;
                if (_states.ContainsKey(id))
                {
                    continue;
                }

                OfficialResult? result = null;
                if (state.Groups["brier"].Success
                    && double.TryParse(state.Groups["brier"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var brier))
                {
                    result = new OfficialResult(brier, null, state.Groups["acc"].Value == "True", state.Groups["best"].Success ? state.Groups["best"].Value : null);
                }

                _states[id] = new StateResolution(
                    id,
                    state.Groups["title"].Value,
                    DateOnly.ParseExact(state.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    state.Groups["truth"].Value,
                    result);
            }
        }
    }

    [GeneratedRegex(@"resolve tomorrow \((?<day>\d{4}-\d{2}-\d{2})\): \[(?<ids>[^\]]*)\]")]
    private static partial Regex ResolveTomorrow();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedId();

    [GeneratedRegex(
        @"\{'sim_date': '(?<day>\d{4}-\d{2}-\d{2})', 'qid': '(?<qid>[^']+)', 'title': (?<tq>['""])(?<title>.*?)\k<tq>, (?:'[a-z_]+': [^,]*, )*?'ground_truth': (?<gq>['""])(?<truth>.*?)\k<gq>, 'agents': \{(?:'[^']*': \{'brier': (?<brier>-?[0-9.eE+-]+), [^{}]*?'best_outcome': (?:None|(?<bq>['""])(?<best>.*?)\k<bq>), [^{}]*?'is_accurate': (?<acc>True|False)\})?")]
    private static partial Regex StateEvent();
}
