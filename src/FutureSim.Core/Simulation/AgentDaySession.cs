using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Tools;

namespace FutureSim.Core.Simulation;

/// <summary>
/// The tool surface bound to one agent and one day. It validates every argument, reads the world only
/// through the day's corpus view and the frozen question set, records every call as a run event and
/// keeps the day's submissions pending until the runner applies them. Once <see cref="Close"/> has been
/// called (the agent's day ended or timed out) every call is refused with <see cref="DayClosedException"/>.
/// A visibility breach — the view returned, or itself caught, something invisible at the day's instant — is
/// reported to <paramref name="onBreach"/> (the runner stops the run) and thrown, whatever the agent does with it.
/// </summary>
internal sealed class AgentDaySession(DayContext day, AgentLedger ledger, DayBriefing briefing, Action<VisibilityBreachException> onBreach)
    : IForecastingTools, IToolCallRecorder
{
    public const int MaxSearchResults = 10;
    public const int MaxOutcomes = 5;
    public const double SumTolerance = 1e-6;

    private readonly Lock gate = new();
    private readonly List<RunEvent> events = [];
    private readonly Dictionary<QuestionId, ImmutableSortedDictionary<string, double>> submittedToday = [];
    private string notes = ledger.Notes;
    private bool closed;
    private int seq;

    public DateOnly Today => day.Today;

    public DayBriefing Briefing => briefing;

    public string AgentName => ledger.Name;

    public SearchNewsResult SearchNews(string query, int maxResults = 5, string? fromDate = null, string? toDate = null)
    {
        lock (gate)
        {
            EnsureOpen();
            var arguments = Arguments(new { query, max_results = maxResults, from_date = fromDate, to_date = toDate });
            var error = query is null || string.IsNullOrWhiteSpace(query) ? "query must not be empty." : null;
            DateOnly? from = null, to = null;
            error ??= TryParseDate(fromDate, "from_date", out from) ?? TryParseDate(toDate, "to_date", out to);
            if (error is not null)
            {
                Record(ToolNames.SearchNews, arguments, error);
                return new SearchNewsResult([], [], error);
            }

            var notices = ImmutableArray.CreateBuilder<string>();
            var k = maxResults;
            if (k < 1 || k > MaxSearchResults)
            {
                k = Math.Clamp(k, 1, MaxSearchResults);
                notices.Add($"max_results must be between 1 and {MaxSearchResults}; used {k}.");
            }

            var result = Gated(() => day.View.Search(new NewsQuery { Text = query!, MaxResults = k, FromDate = from, ToDate = to }));
            notices.AddRange(result.Notices);
            var hits = result.Hits.Select(h => ArticleView.From(h.Article, h.Score)).ToImmutableArray();
            AssertVisible(hits);
            Record(ToolNames.SearchNews, arguments, null, hits, notices.ToImmutable());
            return new SearchNewsResult(hits, notices.ToImmutable(), null);
        }
    }

    public GetArticleResult GetArticle(string id)
    {
        lock (gate)
        {
            EnsureOpen();
            var arguments = Arguments(new { id });
            var article = string.IsNullOrWhiteSpace(id) ? null : Gated(() => day.View.Find(new ArticleId(id.Trim())));
            if (article is null)
            {
                // The same answer whether the id does not exist or is not visible yet.
                var error = $"No article with id '{id}'.";
                Record(ToolNames.GetArticle, arguments, error);
                return new GetArticleResult(null, error);
            }

            ImmutableArray<ArticleView> found = [ArticleView.From(article, null)];
            AssertVisible(found);
            Record(ToolNames.GetArticle, arguments, null, found);
            return new GetArticleResult(found[0], null);
        }
    }

    public MarketView ListQuestions()
    {
        lock (gate)
        {
            EnsureOpen();
            var open = ImmutableArray.CreateBuilder<OpenQuestionView>(day.Open.Length);
            for (var i = 0; i < day.Open.Length; i++)
            {
                open.Add(WithMyForecast(day.Open[i].Id, day.OpenViews[i]));
            }

            var resolved = ledger.Resolved.Select(r => r.View).ToImmutableArray();
            Record(ToolNames.ListQuestions, NoArguments, null);
            return new MarketView(day.Today, open.MoveToImmutable(), resolved);
        }
    }

    public SubmissionResult SubmitForecasts(string questionId, IReadOnlyDictionary<string, double> outcomes)
    {
        lock (gate)
        {
            EnsureOpen();
            var arguments = Arguments(new { question_id = questionId, outcomes });
            var (accepted, refusal) = Validate(questionId, outcomes);
            if (accepted is null)
            {
                Record(ToolNames.SubmitForecasts, arguments, refusal);
                events.Add(new ForecastRefused { Day = day.Today, Agent = ledger.Name, QuestionId = questionId ?? "", Reason = refusal! });
                return new SubmissionResult(false, refusal!);
            }

            var id = new QuestionId(questionId.Trim());
            submittedToday[id] = accepted;
            Record(ToolNames.SubmitForecasts, arguments, null);
            events.Add(new ForecastSubmitted { Day = day.Today, Agent = ledger.Name, QuestionId = id, Outcomes = accepted });
            return new SubmissionResult(true, $"Forecast for {id} recorded ({Describe(accepted)}). A later submission replaces it.");
        }
    }

    public string ReadNotes()
    {
        lock (gate)
        {
            EnsureOpen();
            Record(ToolNames.ReadNotes, NoArguments, null);
            return notes;
        }
    }

    public string WriteNotes(string text)
    {
        lock (gate)
        {
            EnsureOpen();
            var arguments = Arguments(new { text });
            if (text is null || text.Length > IForecastingTools.NotesLimit)
            {
                var error = $"Notes must be text of at most {IForecastingTools.NotesLimit} characters; nothing was saved.";
                Record(ToolNames.WriteNotes, arguments, error);
                return error;
            }

            notes = text;
            Record(ToolNames.WriteNotes, arguments, null);
            return $"Notes saved ({text.Length} characters).";
        }
    }

    public void RecordRefusedCall(string tool, JsonElement arguments, string error)
    {
        lock (gate)
        {
            EnsureOpen();
            Record(tool, arguments, error);
        }
    }

    /// <summary>Ends the agent's day: later calls are refused. Returns the day's events in call order, notes last.</summary>
    public ImmutableArray<RunEvent> Close()
    {
        lock (gate)
        {
            closed = true;
            if (!string.Equals(notes, ledger.Notes, StringComparison.Ordinal))
            {
                events.Add(new NotesSaved { Day = day.Today, Agent = ledger.Name, Text = notes });
            }

            return [.. events];
        }
    }

    private void EnsureOpen()
    {
        if (closed)
        {
            throw new DayClosedException($"The day {day.Today:yyyy-MM-dd} of agent '{ledger.Name}' has ended; its tools are closed until the next day.");
        }
    }

    private OpenQuestionView WithMyForecast(QuestionId id, OpenQuestionView view) => submittedToday.TryGetValue(id, out var today) ? view with { MyForecast = today, MyForecastDate = day.Today }
            : ledger.Forecasts.TryGetValue(id, out var held) ? view with { MyForecast = held.Forecast.Outcomes, MyForecastDate = held.SubmittedOn }
            : view;

    private (ImmutableSortedDictionary<string, double>? Accepted, string? Refusal) Validate(string questionId, IReadOnlyDictionary<string, double> outcomes)
    {
        if (string.IsNullOrWhiteSpace(questionId))
        {
            return (null, "question_id must not be empty.");
        }

        var id = new QuestionId(questionId.Trim());
        if (!day.Questions.TryGetValue(id, out var question) || (question.OpensAt > day.AsOf && !day.Resolved.Contains(id)))
        {
            // An unopened question looks exactly like an unknown one.
            return (null, $"Unknown question id '{questionId}'. Call list_questions for the open questions.");
        }

        if (day.Resolved.Contains(id))
        {
            return (null, $"Question {id} has already resolved; forecasts on it are closed.");
        }

        if (outcomes is null || outcomes.Count == 0)
        {
            return (null, "outcomes must name at least one answer with its probability, e.g. {\"Paris\": 0.6}.");
        }

        if (outcomes.Count > MaxOutcomes)
        {
            return (null, $"At most {MaxOutcomes} outcomes are allowed; {outcomes.Count} were given.");
        }

        var accepted = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var sum = 0.0;
        foreach (var (rawName, p) in outcomes)
        {
            var name = rawName?.Trim() ?? "";
            if (name.Length == 0)
            {
                return (null, "Outcome names must not be empty.");
            }

            if (!double.IsFinite(p) || p < 0 || p > 1)
            {
                return (null, $"The probability of '{name}' must be a number between 0 and 1.");
            }

            var canonical = Canonical(question, name);
            if (canonical is null)
            {
                return (null, question.Kind == QuestionKind.Binary
                    ? $"Question {id} is binary: name the outcomes \"Yes\" and/or \"No\"."
                    : $"Question {id} is multiple choice: outcomes must be among its options: {string.Join(", ", question.Options)}.");
            }

            if (!accepted.TryAdd(canonical, p))
            {
                return (null, $"The outcome '{canonical}' is named more than once.");
            }

            sum += p;
        }

        if (sum > 1 + SumTolerance)
        {
            return (null, $"The probabilities sum to {sum.ToString("0.######", CultureInfo.InvariantCulture)}; they must sum to at most 1.");
        }

        return (accepted.ToImmutable(), null);
    }

    private static string? Canonical(Question question, string name) => question.Kind switch
    {
        QuestionKind.Binary => name.Equals(QuestionResolution.Yes, StringComparison.OrdinalIgnoreCase) ? QuestionResolution.Yes
            : name.Equals(QuestionResolution.No, StringComparison.OrdinalIgnoreCase) ? QuestionResolution.No
            : null,
        QuestionKind.MultipleChoice => question.Options.FirstOrDefault(o => o.Equals(name, StringComparison.OrdinalIgnoreCase)),
        _ => name,
    };

    private static string? TryParseDate(string? text, string name, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return null;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            date = SimulatedTime.DayOf(instant);
            return null;
        }

        return $"{name} must be a date as YYYY-MM-DD; got '{text}'.";
    }

    /// <summary>A harness invariant: a view that returned an invisible article is a leak, and the run must stop loudly.</summary>
    private void AssertVisible(ImmutableArray<ArticleView> articles)
    {
        foreach (var article in articles)
        {
            if (article.VisibleAt > day.AsOf)
            {
                throw Breached(new VisibilityBreachException(
                    $"Agent '{ledger.Name}' on {day.Today:yyyy-MM-dd}: the corpus returned article {article.Id} visible at {article.VisibleAt:O} " +
                    $"to a view as of {day.AsOf:O}. It was not shown to the agent."));
            }
        }
    }

    /// <summary>A read of the day's view; a breach the view caught itself is reported as this agent's.</summary>
    private T Gated<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (VisibilityBreachException e)
        {
            throw Breached(new VisibilityBreachException($"Agent '{ledger.Name}' on {day.Today:yyyy-MM-dd}: {e.Message}", e));
        }
    }

    private VisibilityBreachException Breached(VisibilityBreachException breach)
    {
        onBreach(breach);
        return breach;
    }

    private void Record(
        string tool, JsonElement arguments, string? error,
        ImmutableArray<ArticleView> articles = default, ImmutableArray<string> notices = default)
    {
        articles = articles.IsDefault ? [] : articles;
        events.Add(new ToolCalled
        {
            Day = day.Today,
            Agent = ledger.Name,
            Seq = ++seq,
            Tool = tool,
            Arguments = arguments,
            Error = error,
            ArticleIds = [.. articles.Select(a => a.Id)],
            VisibleAt = [.. articles.Select(a => a.VisibleAt)],
            Notices = notices.IsDefault ? [] : notices,
        });
    }

    private static readonly JsonElement NoArguments = Arguments(new { });

    private static JsonElement Arguments(object arguments) => JsonSerializer.SerializeToElement(arguments, RunFormat.Json);

    private static string Describe(ImmutableSortedDictionary<string, double> outcomes) =>
        string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value.ToString("0.###", CultureInfo.InvariantCulture)}"));
}
