using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Core.Scoring;

/// <summary>
/// Scores a run from its <see cref="RunRecord"/> alone: per question, per day and per agent. Answer matches are
/// decided first (the only asynchronous step); everything after is pure and synchronous.
/// </summary>
public sealed class RunScorer
{
    private readonly RunRecord _run;
    private readonly ImmutableArray<Question> _questions;
    private readonly AnswerMatches _matches;
    private readonly ScoringOptions _options;
    private readonly Dictionary<QuestionId, int> _index = [];
    private readonly DateOnly?[] _resolvedOn;
    private readonly bool[] _binary;
    private readonly bool[] _yes;
    private readonly int[] _firstDay;
    private readonly int _dayZero;
    private readonly int[] _lastDay;

    private RunScorer(RunRecord run, ImmutableArray<Question> questions, AnswerMatches matches, ScoringOptions options)
    {
        _run = run;
        _questions = questions;
        _matches = matches;
        _options = options;
        var n = questions.Length;
        _resolvedOn = new DateOnly?[n];
        _binary = new bool[n];
        _yes = new bool[n];
        _firstDay = new int[n];
        _lastDay = new int[n];
        for (var q = 0; q < n; q++)
        {
            _index[questions[q].Id] = q;
            _binary[q] = questions[q].Kind == QuestionKind.Binary;
            _yes[q] = _binary[q] && QuestionResolution.IsYes(questions[q].Resolution.Answer);
        }

        foreach (var runEvent in run.Events)
        {
            if (runEvent is QuestionResolved resolved)
            {
                _resolvedOn[_index[resolved.QuestionId]] = resolved.Day;
            }
        }

        // A question's time-weighted window runs from the later of the run's first day and its opening
        // day up to (excluding) its resolution day.
        var runStart = run.Manifest.Simulation.FirstDay;
        _dayZero = runStart.DayNumber;
        for (var q = 0; q < n; q++)
        {
            var opens = SimulatedTime.DayOf(questions[q].OpensAt);
            _firstDay[q] = (opens > runStart ? opens : runStart).DayNumber;
            _lastDay[q] = (_resolvedOn[q] ?? questions[q].ResolutionDate).DayNumber;
        }
    }

    /// <summary>
    /// Decides every free-form answer match through <paramref name="matcher"/> first (an outcome equal to the
    /// truth string matches without asking; each distinct name is asked once per question), then scores the
    /// run with pure functions. The result depends only on the record, the matcher's answers and the options.
    /// </summary>
    public static async Task<ScoredRun> ScoreAsync(RunRecord run, IAnswerMatcher matcher, ScoringOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(matcher);
        if (!(options.LogClamp > 0 && options.LogClamp < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LogClamp, "LogClamp must be in (0, 0.5).");
        }

        var questions = run.Questions.Sort((a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        var matches = await AnswerMatches.DecideAsync(questions, run.Events, matcher, cancellationToken).ConfigureAwait(false);
        return new RunScorer(run, questions, matches, options).Score();
    }

    // Hot loops, run once per process: fully optimised on the first call rather than at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ScoredRun Score()
    {
        var agents = _run.Manifest.Agents.Select(a => a.Name).Order(StringComparer.Ordinal).ToList();
        var forecasts = agents.ToDictionary(a => a, _ => Enumerable.Range(0, _questions.Length).Select(_ => new List<ScoredForecast>()).ToArray(), StringComparer.Ordinal);
        var activity = agents.ToDictionary(a => a, _ => new Dictionary<DateOnly, (int Submissions, int Refusals, int Failures)>(), StringComparer.Ordinal);
        var failures = agents.ToDictionary(a => a, _ => new SortedDictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var runEvent in _run.Events)
        {
            switch (runEvent)
            {
                case ForecastSubmitted forecast:
                    Count(activity[forecast.Agent], forecast.Day, submissions: 1);
                    var q = _index[forecast.QuestionId];
                    if (_resolvedOn[q] is not { } resolved || forecast.Day < resolved)
                    {
                        forecasts[forecast.Agent][q].Add(ScoreForecast(q, forecast));
                    }

                    break;
                case ForecastRefused refused:
                    Count(activity[refused.Agent], refused.Day, refusals: 1);
                    break;
                case AgentFailed failed:
                    Count(activity[failed.Agent], failed.Day, failures: 1);
                    failures[failed.Agent][failed.Kind] = failures[failed.Agent].GetValueOrDefault(failed.Kind) + 1;
                    break;
            }
        }

        var binaryQuestions = _binary.Count(b => b);
        var yes = _yes.Count(y => y);
        return new ScoredRun
        {
            RunId = _run.Manifest.RunId,
            Manifest = _run.Manifest,
            IsComplete = _run.IsComplete,
            Days = _run.Days,
            Questions = _questions,
            Agents = [.. agents.Select(a => ScoreAgent(a, forecasts[a], activity[a], failures[a]))],
            BinaryBaseRate = binaryQuestions > 0 ? (double)yes / binaryQuestions : null,
            Options = _options,
            Warnings = _run.Warnings,
        };
    }

    private static void Count(Dictionary<DateOnly, (int Submissions, int Refusals, int Failures)> days, DateOnly day, int submissions = 0, int refusals = 0, int failures = 0)
    {
        var (s, r, f) = days.GetValueOrDefault(day);
        days[day] = (s + submissions, r + refusals, f + failures);
    }

    private ScoredForecast ScoreForecast(int q, ForecastSubmitted forecast)
    {
        var outcomes = forecast.Outcomes;
        if (_binary[q])
        {
            var p = new Forecasts.Forecast(forecast.QuestionId, outcomes).ProbabilityYes;
            if (p is not { } py)
            {
                return new ScoredForecast(forecast.Day, outcomes, false, double.NaN, 0, 0, 0, 0, false, 0, 0);
            }

            var y = _yes[q];
            return new ScoredForecast(
                forecast.Day, outcomes, true, py, ForecastScores.Brier(py, y), ForecastScores.LogScore(py, y, _options.LogClamp),
                ForecastScores.AccuracyAtHalf(py, y), 0, false, 0, 0);
        }

        if (outcomes.Count == 0)
        {
            return new ScoredForecast(forecast.Day, outcomes, false, double.NaN, 0, 0, 0, 0, false, 0, 0);
        }

        var (skill, top, mass, topProbability) = ForecastScores.FreeForm(outcomes, _matches.For(forecast.QuestionId));
        return new ScoredForecast(forecast.Day, outcomes, true, double.NaN, 0, 0, 0, skill, top, mass, topProbability);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private AgentScores ScoreAgent(
        string agent,
        List<ScoredForecast>[] forecasts,
        Dictionary<DateOnly, (int Submissions, int Refusals, int Failures)> activity,
        SortedDictionary<string, int> failures)
    {
        var n = _questions.Length;
        var days = _run.Days;
        var held = new int[n];
        Array.Fill(held, -1);
        var timeWeighted = new double[n];
        var timeWeightedFutureSim = new double[n];
        var resolutionDays = _resolvedOn.Where(d => d is not null).Select(d => d!.Value).Order().ToArray();
        var resolvedCount = 0;
        var daily = ImmutableArray.CreateBuilder<DailyScore>(days.Length);
        var binaryQuestions = _binary.Count(b => b);
        var freeFormQuestions = n - binaryQuestions;

        for (var i = 0; i < days.Length; i++)
        {
            var day = days[i];
            var start = day.DayNumber;
            var end = i + 1 < days.Length ? days[i + 1].DayNumber : start + _run.Manifest.Simulation.StepDays;
            while (resolvedCount < resolutionDays.Length && resolutionDays[resolvedCount] <= day)
            {
                resolvedCount++;
            }

            int binaryForecast = 0, freeFormForecast = 0, topOne = 0;
            double brier = 0, log = 0, binaryAccuracy = 0, skill = 0, mass = 0, weighted = 0;
            for (var q = 0; q < n; q++)
            {
                var list = forecasts[q];
                while (held[q] + 1 < list.Count && list[held[q] + 1].Day <= day)
                {
                    held[q]++;
                }

                var usable = held[q] >= 0 && list[held[q]].Usable;
                if (_binary[q])
                {
                    if (usable)
                    {
                        var f = list[held[q]];
                        binaryForecast++;
                        brier += f.Brier;
                        log += f.LogScore;
                        binaryAccuracy += f.Accuracy;
                    }

                    continue;
                }

                if (usable)
                {
                    var f = list[held[q]];
                    freeFormForecast++;
                    skill += f.Skill;
                    mass += f.TruthMass;
                    topOne += f.TopOneCorrect ? 1 : 0;

                    // FutureSim's time weighting: this day's BSS counts for the days it is held within the
                    // question's window [first day, resolution day).
                    var span = _lastDay[q] - _firstDay[q];
                    var overlap = Math.Min(end, _lastDay[q]) - Math.Max(start, _firstDay[q]);
                    if (span > 0 && overlap > 0)
                    {
                        timeWeighted[q] += 100 * f.Skill * overlap / span;
                    }

                    // FutureSim's own: every question's window starts on day 0.
                    var spanFromDayZero = _lastDay[q] - _dayZero;
                    var overlapFromDayZero = Math.Min(end, _lastDay[q]) - Math.Max(start, _dayZero);
                    if (spanFromDayZero > 0 && overlapFromDayZero > 0)
                    {
                        timeWeightedFutureSim[q] += 100 * f.Skill * overlapFromDayZero / spanFromDayZero;
                    }
                }

                weighted += timeWeighted[q];
            }

            var (submissions, refusals, failed) = activity.GetValueOrDefault(day);
            daily.Add(new DailyScore
            {
                Day = day,
                Resolved = resolvedCount,
                Submissions = submissions,
                Refusals = refusals,
                Failures = failed,
                BinaryQuestions = binaryQuestions,
                BinaryForecast = binaryForecast,
                Brier = Mean(brier, binaryForecast),
                LogScore = Mean(log, binaryForecast),
                BinaryAccuracy = Mean(binaryAccuracy, binaryForecast),
                FreeFormQuestions = freeFormQuestions,
                FreeFormForecast = freeFormForecast,
                Skill = Mean(skill, freeFormQuestions),
                SkillOverForecast = Mean(skill, freeFormForecast),
                Accuracy = Mean(topOne, freeFormQuestions),
                TruthMass = Mean(mass, freeFormQuestions),
                TimeWeighted = Mean(weighted, freeFormQuestions),
            });
        }

        return new AgentScores
        {
            Agent = agent,
            Questions = [.. Enumerable.Range(0, n).Select(q => Final(q, held[q] >= 0 ? forecasts[q][held[q]] : null, timeWeighted[q], timeWeightedFutureSim[q]))],
            Daily = daily.MoveToImmutable(),
            Forecasts = [.. forecasts.Select(list => list.ToImmutableArray())],
            Submissions = activity.Values.Sum(a => a.Submissions),
            Refusals = activity.Values.Sum(a => a.Refusals),
            Failures = failures.ToImmutableSortedDictionary(StringComparer.Ordinal),
            ModelUsage = _run.ModelUsage.GetValueOrDefault(agent, []),
        };
    }

    private QuestionScore Final(int q, ScoredForecast? scored, double timeWeighted, double timeWeightedFutureSim)
    {
        var question = _questions[q];
        var usable = scored is { Usable: true };
        var f = scored.GetValueOrDefault();
        var score = new QuestionScore
        {
            QuestionId = question.Id,
            Kind = question.Kind,
            Outcomes = scored?.Outcomes,
            ForecastDay = scored?.Day,
            Forecast = usable,
            ResolvedOn = _resolvedOn[q],
        };
        return _binary[q]
            ? score with
            {
                ProbabilityYes = usable ? f.ProbabilityYes : null,
                Brier = usable ? f.Brier : null,
                LogScore = usable ? f.LogScore : null,
                Accuracy = usable ? f.Accuracy : null,
            }
            : score with
            {
                Skill = usable ? f.Skill : 0,
                TopOneCorrect = usable && f.TopOneCorrect,
                TruthMass = usable ? f.TruthMass : 0,
                TopProbability = usable ? f.TopProbability : null,
                TimeWeighted = timeWeighted,
                TimeWeightedFutureSim = timeWeightedFutureSim,
            };
    }

    private static double? Mean(double sum, int count) => count > 0 ? sum / count : null;
}
