using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Tools;

namespace FutureSim.Core.Simulation;

/// <summary>
/// Replays the corpus to the agents one simulated day at a time (design §4) and writes the run's event
/// log. Each day: resolve questions due on or before it, bind the corpus view to the end of the day,
/// let the agents act concurrently on the same frozen state, then append the day's events (agents in
/// their configured order, so that the log is deterministic) and flush. An agent that throws or runs
/// out of time fails only its own day (an <see cref="AgentEndpointException"/> as kind <c>endpoint</c>); a visibility breach
/// (<see cref="VisibilityBreachException"/>, from the corpus, the tools or an agent's own harness) stops every agent at
/// once, leaves the breached day unwritten, marks the manifest <c>failed</c> with the breach and is rethrown.
/// </summary>
public sealed class SimulationRunner(ITimeGatedCorpus corpus, IAnswerMatcher matcher, TimeProvider timeProvider)
{
    /// <summary>Runs, or resumes after its last completed day, the simulation of <paramref name="folder"/>.</summary>
    public async Task<RunManifest> RunAsync(
        RunFolder folder, IReadOnlyList<AgentRegistration> agents, IProgress<DayReport>? progress, CancellationToken cancellationToken)
    {
        // The folder is read exactly as scoring reads it: the events of the completed days, checked.
        var record = RunFolderReader.Read(folder.Root);
        var manifest = record.Manifest;
        var names = agents.Select(a => a.Spec.Name).ToArray();
        if (!names.SequenceEqual(manifest.Agents.Select(a => a.Name)))
        {
            throw new InvalidOperationException(
                $"The agents given ({string.Join(", ", names)}) are not the agents of run {manifest.RunId} ({string.Join(", ", manifest.Agents.Select(a => a.Name))}).");
        }

        var settings = manifest.Simulation;
        var state = new SimulationState(record.Questions, names, matcher);
        using var log = EventLog.OpenForAppend(folder.EventsPath, record.CompletedLength);
        foreach (var runEvent in record.Events)
        {
            await state.ApplyAsync(runEvent, cancellationToken);
        }

        foreach (var recording in agents.Select(a => a.Agent).OfType<IDayRecordingAgent>())
        {
            recording.DiscardAfter(state.LastCompletedDay);
        }

        folder.WriteManifest(manifest with { Status = RunStatus.Running });
        var days = settings.Days().ToArray();
        try
        {
            for (var i = 0; i < days.Length; i++)
            {
                if (state.LastCompletedDay is { } last && days[i] <= last)
                {
                    continue;
                }

                var report = await RunDayAsync(days[i], i + 1, days.Length, state, agents, settings, log, cancellationToken);
                progress?.Report(report);
            }
        }
        catch (VisibilityBreachException breach)
        {
            // The breached day is not written: the log keeps the days completed before it.
            folder.WriteManifest(manifest with { Status = RunStatus.Failed, Failure = breach.Message });
            throw;
        }

        if (!state.Completed)
        {
            var end = new RunCompleted { Day = days[^1] };
            log.Append([end]);
            await state.ApplyAsync(end, cancellationToken);
        }

        var done = manifest with { Status = RunStatus.Completed };
        folder.WriteManifest(done);
        return done;
    }

    private async Task<DayReport> RunDayAsync(
        DateOnly day, int dayNumber, int totalDays, SimulationState state, IReadOnlyList<AgentRegistration> agents,
        SimulationSettings settings, EventLog log, CancellationToken cancellationToken)
    {
        var previousDay = state.LastCompletedDay;
        var events = new List<RunEvent>();
        async ValueTask EmitAsync(RunEvent runEvent)
        {
            events.Add(runEvent);
            await state.ApplyAsync(runEvent, cancellationToken);
        }

        var view = corpus.At(SimulatedTime.EndOf(day));
        await EmitAsync(new DayStarted { Day = day, AsOf = view.AsOf });
        var resolved = 0;
        foreach (var question in state.DueForResolution(day).ToArray())
        {
            await EmitAsync(new QuestionResolved { Day = day, QuestionId = question.Id, Answer = question.Resolution.Answer });
            resolved++;
        }

        var context = new DayContext(day, view, state.Questions, [.. state.Questions.Keys.Where(state.IsResolved)]);
        var newArticles = view.CountArrivedSince(previousDay is { } p ? SimulatedTime.EndOf(p) : DateTimeOffset.MinValue);

        // A breach anywhere stops every agent's day at once.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        VisibilityBreachException? breach = null;
        void OnBreach(VisibilityBreachException e)
        {
            if (Interlocked.CompareExchange(ref breach, e, null) is null)
            {
                _ = stop.CancelAsync(); // not inline: the reporting tool call holds its session's lock
            }
        }

        var sessions = agents
            .Select(a => new AgentDaySession(context, state.Ledger(a.Spec.Name), Briefing(context, state.Ledger(a.Spec.Name), previousDay, newArticles), OnBreach))
            .ToArray();

        using var gate = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrentAgents));
        AgentFailed?[] failures;
        try
        {
            failures = await Task.WhenAll(agents.Select((agent, i) => ActAsync(agent.Agent, sessions[i], gate, settings.AgentDayTimeout, OnBreach, stop.Token)));
        }
        catch (OperationCanceledException) when (Volatile.Read(ref breach) is not null)
        {
            failures = [];
        }

        if (Volatile.Read(ref breach) is { } stopped)
        {
            foreach (var session in sessions)
            {
                session.Close();
            }

            throw stopped;
        }

        for (var i = 0; i < sessions.Length; i++)
        {
            foreach (var runEvent in sessions[i].Close())
            {
                await EmitAsync(runEvent);
            }

            if (failures[i] is { } failure)
            {
                await EmitAsync(failure with { Day = day });
            }
        }

        await EmitAsync(new DayCompleted { Day = day });
        log.Append(events);
        return new DayReport(
            day, dayNumber, totalDays, context.Open.Length, resolved,
            events.Count(e => e is ForecastSubmitted), events.Count(e => e is ToolCalled), events.Count(e => e is AgentFailed));
    }

    private async Task<AgentFailed?> ActAsync(
        IForecastingAgent agent, AgentDaySession session, SemaphoreSlim gate, TimeSpan timeout, Action<VisibilityBreachException> onBreach,
        CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var deadline = new CancellationTokenSource(timeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var acting = Task.Run(() => agent.RunDayAsync(session, linked.Token), CancellationToken.None);
            try
            {
                // WaitAsync also abandons an agent that ignores its cancellation token.
                await acting.WaitAsync(timeout, timeProvider, cancellationToken);
                return null;
            }
            catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && deadline.IsCancellationRequested))
            {
                return Failure(session, "timeout", $"The agent did not end its day within {timeout}.");
            }
            catch (AgentEndpointException e)
            {
                return Failure(session, "endpoint", e.Message);
            }
            catch (VisibilityBreachException e)
            {
                // Met by the agent's own harness (e.g. a CLI agent's article tree), or rethrown from its tools: the run stops.
                onBreach(e.Message.StartsWith($"Agent '{session.AgentName}'", StringComparison.Ordinal)
                    ? e
                    : new VisibilityBreachException($"Agent '{session.AgentName}' on {session.Today:yyyy-MM-dd}: {e.Message}", e));
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Failure(session, "exception", $"{e.GetType().Name}: {e.Message}");
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static AgentFailed Failure(AgentDaySession session, string kind, string message) =>
        new() { Day = session.Today, Agent = session.AgentName, Kind = kind, Message = message };

    private static DayBriefing Briefing(DayContext context, AgentLedger ledger, DateOnly? previousDay, int newArticles)
    {
        var since = ledger.Resolved.Where(r => previousDay is null || r.ResolvedOn > previousDay).Select(r => r.View).ToImmutableArray();
        var all = ledger.Resolved;
        return new DayBriefing(
            context.Today, previousDay, newArticles, context.Open.Length, since, all.Count,
            all.Count == 0 ? 0 : all.Average(r => r.View.Score.Value),
            all.Count == 0 ? 0 : all.Count(r => r.View.Score.TopOneCorrect) / (double)all.Count);
    }
}
