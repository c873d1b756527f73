using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FutureSim.Interop.Traces;

/// <summary>
/// Replays FutureSim's MCP server over one run's trace items to find which forecasts the environment
/// received and for which day; the shards' day labels are not trusted. Rules: an accepted forecast joins
/// the day's pending list (the last per question wins); the first <c>next_day</c> call of a day delivers
/// the pending list dated with that day; "Day advanced to X" sets the day to X and empties the list;
/// "Expecting value" delivered but did not advance; a reply too large for the harness advanced by one day;
/// with Codex every <c>next_day</c> call ends the day; a new session id (Claude Code, OpenCode) is a new MCP
/// server, which loses the pending list and starts on the day its first event is labelled with.
/// </summary>
internal sealed partial class McpDayReplay
{
    private readonly HarnessKind _harness;
    private readonly Dictionary<string, TraceItem> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<KeyValuePair<string, double>>> _pending = new(StringComparer.Ordinal);
    private readonly ImmutableArray<DeliveredForecast>.Builder _delivered = ImmutableArray.CreateBuilder<DeliveredForecast>();
    private readonly ImmutableArray<TraceRefusal>.Builder _refusals = ImmutableArray.CreateBuilder<TraceRefusal>();
    private readonly ImmutableArray<NextDayReply>.Builder _replies = ImmutableArray.CreateBuilder<NextDayReply>();
    private readonly SortedSet<DateOnly> _skipped = [];
    private readonly SortedSet<DateOnly> _background = [];
    private ReplayStatistics _stats = new();
    private DateOnly _day;
    private bool _deliveredToday;
    private string? _session;

    private McpDayReplay(HarnessKind harness) => _harness = harness;

    /// <summary>Replays <paramref name="items"/> (sorted here by idx, then position in the event).</summary>
    public static ReplayedTrace Replay(IEnumerable<TraceItem> items, HarnessKind harness)
    {
        var sorted = items.OrderBy(i => i.Idx).ThenBy(i => i.Order).ToList();
        var replay = new McpDayReplay(harness);
        if (sorted.Count > 0)
        {
            replay._day = sorted[0].Label;
        }

        foreach (var item in sorted)
        {
            replay.Step(item);
        }

        replay._stats = replay._stats with { Unanswered = replay._stats.Unanswered + replay._open.Count };
        return new ReplayedTrace
        {
            Delivered = replay._delivered.ToImmutable(),
            Refusals = replay._refusals.ToImmutable(),
            Replies = replay._replies.ToImmutable(),
            Statistics = replay._stats,
            SkippedDays = [.. replay._skipped],
            BackgroundLaunchDays = [.. replay._background],
        };
    }

    private void Step(TraceItem item)
    {
        switch (item.Kind)
        {
            case TraceItemKind.Event when _harness != HarnessKind.Codex && item.Session is { } session && session != _session:
                if (_session is not null)
                {
                    // A new MCP server: what the old one held is lost, and the stitched segment starts on its label.
                    _stats = _stats with { Restarts = _stats.Restarts + 1, Lost = _stats.Lost + _pending.Count };
                    _pending.Clear();
                    _day = item.Label;
                    _deliveredToday = false;
                }

                _session = session;
                break;
            case TraceItemKind.Call:
                Call(item);
                break;
            case TraceItemKind.BackgroundLaunch:
                _background.Add(_day);
                break;
            case TraceItemKind.Result when item.Id is { } id && _open.Remove(id, out var call):
                if (call.Tool == ForecastTool.SubmitForecasts)
                {
                    Submitted(call, item.Text);
                }
                else
                {
                    NextDay(item.Text);
                }

                break;
        }
    }

    private void Call(TraceItem call)
    {
        if (_harness == HarnessKind.Codex && call.Tool == ForecastTool.NextDay)
        {
            // Codex's next_day returns at once: each call ends the day.
            Deliver();
            Advance(_day.AddDays(1), null);
            return;
        }

        if (_open.Remove(call.Id!))
        {
            _stats = _stats with { Unanswered = _stats.Unanswered + 1 }; // a reused id closes the older call
        }

        _open[call.Id!] = call;
    }

    private void Submitted(TraceItem call, string reply)
    {
        var question = call.QuestionId ?? "";
        if (reply.StartsWith("Prediction recorded", StringComparison.Ordinal))
        {
            if (call.ArgumentProblem is not null || call.QuestionId is null)
            {
                _stats = _stats with { UnreadableCalls = _stats.UnreadableCalls + 1 };
                return;
            }

            _pending[question] = call.Outcomes;
            _stats = _stats with { Accepted = _stats.Accepted + 1 };
            return;
        }

        var kind = reply.Contains("is not an active question", StringComparison.Ordinal) ? RefusalKind.McpInactiveQuestion
            : TooManyOutcomes().IsMatch(reply) ? RefusalKind.McpTooManyOutcomes
            : RefusalKind.McpOther;
        _refusals.Add(new TraceRefusal(_day, question, kind, reply.Length == 0 ? "(no message)" : reply));
    }

    private void NextDay(string reply)
    {
        var advanced = DayAdvanced().Match(reply);
        if (advanced.Success)
        {
            Deliver();
            var to = DateOnly.ParseExact(advanced.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Advance(to, reply);
        }
        else if (reply.Contains("Expecting value", StringComparison.Ordinal))
        {
            Deliver();
            _stats = _stats with { RetriedNextDays = _stats.RetriedNextDays + 1 };
        }
        else if (reply.Contains("exceeds maximum allowed tokens", StringComparison.Ordinal) || reply.Contains("<persisted-output>", StringComparison.Ordinal))
        {
            Deliver();
            _stats = _stats with { OversizedReplies = _stats.OversizedReplies + 1 };
            Advance(_day.AddDays(1), null);
        }
    }

    /// <summary>Delivers the pending list dated with the current day, once per day.</summary>
    private void Deliver()
    {
        if (_deliveredToday)
        {
            return;
        }

        foreach (var (question, outcomes) in _pending.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _delivered.Add(new DeliveredForecast(_day, question, outcomes));
        }

        _pending.Clear();
        _deliveredToday = true;
    }

    private void Advance(DateOnly to, string? reply)
    {
        if (reply is not null)
        {
            _replies.Add(new NextDayReply(_day, to, reply));
        }

        for (var skipped = _day.AddDays(1); skipped < to; skipped = skipped.AddDays(1))
        {
            _skipped.Add(skipped);
        }

        _stats = _stats with { DaysAdvanced = _stats.DaysAdvanced + 1, Lost = _stats.Lost + _pending.Count };
        _pending.Clear();
        _day = to;
        _deliveredToday = false;
    }

    [GeneratedRegex(@"^\s*Day advanced to (\d{4}-\d{2}-\d{2})")]
    private static partial Regex DayAdvanced();

    [GeneratedRegex(@"\d+ outcomes exceeds maximum")]
    private static partial Regex TooManyOutcomes();
}
