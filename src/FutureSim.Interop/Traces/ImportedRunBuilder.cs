using System.Collections.Immutable;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Interop.Questions;
using FutureSim.Interop.Verdicts;

namespace FutureSim.Interop.Traces;

/// <summary>
/// Turns one replayed official run into our run format: each delivered forecast becomes a <c>forecast</c> event
/// on the day FutureSim counted it, or a <c>refusal</c> when the environment rejected it (the question had
/// resolved, or is unknown); resolutions open each day; the judge's verdicts are inferred from the printed
/// per-question results of the run.
/// </summary>
internal static class ImportedRunBuilder
{
    public const string QuestionSetName = "futuresim-official";
    public const string AgentKind = "futuresim-import";

    /// <summary>FutureSim's official calendar: start 2025-12-31, 7 days of lookback (day 0 is 2025-12-24), end 2026-03-28.</summary>
    public static SimulationSettings Calendar { get; } = new() { Start = new DateOnly(2025, 12, 31), End = new DateOnly(2026, 3, 28), LookbackDays = 7 };

    public static ImportedRun Build(
        RunTrace trace, ImmutableArray<RecoveredQuestion> recovered, IReadOnlyDictionary<string, string> idOfTitle, RunProvenance provenance, VerdictSource source)
    {
        var run = trace.Run;
        var agent = run.AgentSlug;
        var byId = recovered.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var first = Calendar.FirstDay;
        var questions = recovered.Select(q => new Question
        {
            Id = new QuestionId(q.Id),
            Title = q.Title,
            Kind = QuestionKind.FreeForm,
            OpensAt = SimulatedTime.StartOf(first),
            ResolutionDate = q.ResolutionDate,
            Resolution = new QuestionResolution { Answer = q.Truth },
            QuestionSet = QuestionSetName,
            Origin = "futuresim",
        }).ToImmutableArray();

        // Each delivered forecast: counted when its question was still active on its day, else refused by the environment.
        var accepted = new List<DeliveredForecast>();
        var refusals = trace.Replay.Refusals.ToList();
        foreach (var forecast in trace.Delivered)
        {
            var reason = !byId.TryGetValue(forecast.QuestionId, out var question) ? $"question_id '{forecast.QuestionId}' is not a question of the run."
                : question.ResolutionDate <= forecast.Day ? $"question {forecast.QuestionId} resolved on {question.ResolutionDate:yyyy-MM-dd}; the environment no longer accepted forecasts on it."
                : forecast.Outcomes.Any(o => !double.IsFinite(o.Value) || o.Value < 0 || o.Value > 1) ? "a probability is outside [0, 1]."
                : null;
            if (reason is null)
            {
                accepted.Add(forecast);
            }
            else
            {
                refusals.Add(new TraceRefusal(forecast.Day, forecast.QuestionId, RefusalKind.EnvironmentInactive, "Rejected by the environment: " + reason));
            }
        }

        var events = Events(agent, recovered, accepted, refusals);
        var (verdicts, inference, ambiguities) = source == VerdictSource.Inferred
            ? InferVerdicts(trace, accepted, byId, idOfTitle)
            : ([], ImmutableDictionary<InferenceOutcome, int>.Empty, []);
        return new ImportedRun
        {
            FolderName = $"{run.AgentSlug}-{run.SeedLabel}",
            Manifest = new RunManifest
            {
                RunId = $"{run.AgentSlug}-{run.SeedLabel}",
                Status = RunStatus.Completed,
                Simulation = Calendar,
                Corpus = new Core.Articles.CorpusIdentity("futuresim-official-corpus (not imported)", Core.Articles.VisibilityPolicy.Lenient, 0),
                QuestionSets = [new QuestionSetInfo(QuestionSetName, RunFolderLayout.Questions, QuestionsSha256(questions), questions.Length)],
                Agents =
                [
                    new AgentSpec
                    {
                        Name = agent,
                        Kind = AgentKind,
                        Settings = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
                        {
                            ["model"] = run.Model,
                            ["harness"] = run.Harness,
                            ["harness_name"] = run.HarnessName,
                        }),
                    },
                ],
                ImportedFrom = provenance,
            },
            Questions = questions,
            Events = events,
            Verdicts = verdicts,
            Inference = inference,
            Ambiguities = ambiguities,
            WorkspaceForecasts = accepted.Count(f => f.FromWorkspace),
            RefusedByEnvironment = refusals.Count(r => r.Kind == RefusalKind.EnvironmentInactive),
        };
    }

    private static ImmutableArray<RunEvent> Events(string agent, ImmutableArray<RecoveredQuestion> questions, List<DeliveredForecast> accepted, List<TraceRefusal> refusals)
    {
        var events = ImmutableArray.CreateBuilder<RunEvent>();
        var first = Calendar.FirstDay;
        var last = Calendar.End;
        DateOnly Clamp(DateOnly day) => day < first ? first : day > last ? last : day;
        var forecastsByDay = accepted.ToLookup(f => f.Day);
        var refusalsByDay = refusals.ToLookup(r => Clamp(r.Day));
        foreach (var day in Calendar.Days())
        {
            events.Add(new DayStarted { Day = day, AsOf = SimulatedTime.EndOf(day) });
            foreach (var question in questions.Where(q => q.ResolutionDate == day).OrderBy(q => q.Id, StringComparer.Ordinal))
            {
                events.Add(new QuestionResolved { Day = day, QuestionId = new QuestionId(question.Id), Answer = question.Truth });
            }

            foreach (var forecast in forecastsByDay[day])
            {
                var outcomes = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
                foreach (var (name, p) in forecast.Outcomes)
                {
                    outcomes[name] = p;
                }

                events.Add(new ForecastSubmitted { Day = day, Agent = agent, QuestionId = new QuestionId(forecast.QuestionId), Outcomes = outcomes.ToImmutable() });
            }

            foreach (var refusal in refusalsByDay[day])
            {
                events.Add(new ForecastRefused { Day = day, Agent = agent, QuestionId = refusal.QuestionId, Reason = $"[{Kind(refusal.Kind)}] {refusal.Reason}" });
            }

            events.Add(new DayCompleted { Day = day });
        }

        events.Add(new RunCompleted { Day = last });
        return events.ToImmutable();
    }

    /// <summary>The SHA-256 of <c>questions.jsonl</c> as <see cref="RunFolder.Create"/> writes it.</summary>
    private static string QuestionsSha256(IEnumerable<Question> questions)
    {
        var text = new System.Text.StringBuilder();
        foreach (var question in questions.OrderBy(q => q.Id.Value, StringComparer.Ordinal))
        {
            text.Append(System.Text.Json.JsonSerializer.Serialize(question, RunFormat.Json)).Append('\n');
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The label a refusal's reason starts with.</summary>
    public static string Kind(RefusalKind kind) => kind switch
    {
        RefusalKind.McpInactiveQuestion => "mcp:inactive-question",
        RefusalKind.McpTooManyOutcomes => "mcp:too-many-outcomes",
        RefusalKind.McpOther => "mcp:other",
        _ => "environment:inactive-question",
    };

    private static (ImmutableArray<RecordedVerdict>, ImmutableDictionary<InferenceOutcome, int>, ImmutableArray<Ambiguity>) InferVerdicts(
        RunTrace trace, List<DeliveredForecast> accepted, Dictionary<string, RecoveredQuestion> byId, IReadOnlyDictionary<string, string> idOfTitle)
    {
        var official = new Dictionary<string, OfficialResult>(StringComparer.Ordinal);
        foreach (var (_, _, entry) in trace.Recaps.Entries)
        {
            if (entry.Result is { } result && idOfTitle.TryGetValue(entry.Title, out var id))
            {
                official.TryAdd(id, result);
            }
        }

        foreach (var state in trace.Facts.States.Values)
        {
            if (state.Result is { } result)
            {
                official[state.QuestionId] = result; // full precision wins over a printed 2-decimal value
            }
        }

        var outcomes = new Dictionary<InferenceOutcome, int>();
        var ambiguities = ImmutableArray.CreateBuilder<Ambiguity>();
        var recorded = ImmutableArray.CreateBuilder<RecordedVerdict>();
        foreach (var (id, result) in official.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(id, out var question))
            {
                continue;
            }

            var final = accepted.LastOrDefault(f => f.QuestionId == id && f.Day < question.ResolutionDate);
            if (final is null)
            {
                continue;
            }

            var (outcome, inferred, ambiguity) = VerdictInference.Infer(id, final.Outcomes, question.Truth, result);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (ambiguity is not null)
            {
                ambiguities.Add(ambiguity);
            }

            recorded.AddRange(inferred.Select(v => new RecordedVerdict(v.Outcome, v.Truth, v.Match, RunVerdicts.InferredJudge, v.Basis) { QuestionId = id }));
        }

        return (recorded.ToImmutable(), outcomes.ToImmutableDictionary(), ambiguities.ToImmutable());
    }

    /// <summary>
    /// Distinct (question, outcome) pairs of the run's forecasts whose outcome is not the truth string: decided by a
    /// verdict inferred in this run, by one pooled from other runs, or left to the string matcher.
    /// </summary>
    public static (int Inferred, int Pooled, int StringMatched) CountPairs(ImmutableArray<Question> questions, ImmutableArray<RunEvent> events, ImmutableArray<RecordedVerdict> verdicts)
    {
        var truth = questions.ToDictionary(q => q.Id.Value, q => q.Resolution.Answer, StringComparer.Ordinal);
        var decided = new Dictionary<(string, string), bool>();
        foreach (var verdict in verdicts.Where(v => v.QuestionId is not null))
        {
            decided.TryAdd((verdict.QuestionId!, RunVerdicts.Key(verdict.Outcome)), verdict.Judge == RunVerdicts.InferredJudge);
        }

        var pairs = new HashSet<(string, string)>();
        int inferred = 0, pooled = 0, stringMatched = 0;
        foreach (var forecast in events.OfType<ForecastSubmitted>())
        {
            foreach (var name in forecast.Outcomes.Keys)
            {
                if (name == truth[forecast.QuestionId.Value] || !pairs.Add((forecast.QuestionId.Value, name)))
                {
                    continue;
                }

                if (!decided.TryGetValue((forecast.QuestionId.Value, RunVerdicts.Key(name)), out var own))
                {
                    stringMatched++;
                }
                else if (own)
                {
                    inferred++;
                }
                else
                {
                    pooled++;
                }
            }
        }

        return (inferred, pooled, stringMatched);
    }
}
