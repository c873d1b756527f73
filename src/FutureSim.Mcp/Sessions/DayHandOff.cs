using FutureSim.Core.Tools;

namespace FutureSim.Mcp.Sessions;

/// <summary>
/// The meeting point of the simulation runner and an MCP client acting as one agent. The runner lends each
/// day's tools (<see cref="LendAsync"/>) and waits until the client ends the day with <c>next_day</c>; the
/// client's tool calls take whatever day is current (<see cref="CurrentAsync"/>), waiting while the runner is
/// between days. <see cref="Complete"/> tells waiting clients that no further day will come. Thread-safe.
/// </summary>
internal sealed class DayHandOff
{
    private readonly Lock gate = new();
    private TaskCompletionSource changed = NewSignal();
    private DayLease? current;
    private int lent;
    private string? completion;

    /// <summary>The text clients get once the simulation is over (null while it runs).</summary>
    public string? Completion
    {
        get
        {
            lock (gate)
            {
                return completion;
            }
        }
    }

    /// <summary>Runner side: makes <paramref name="tools"/> the current day and waits until the client ends it or <paramref name="cancellationToken"/> fires (the day's time limit).</summary>
    public async Task LendAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        var lease = Lend(tools);
        try
        {
            await lease.Ended.WaitAsync(cancellationToken);
        }
        finally
        {
            Withdraw(lease);
        }
    }

    /// <summary>Runner side: makes <paramref name="tools"/> the current day without waiting; pair with <see cref="Withdraw"/>.</summary>
    public DayLease Lend(IForecastingTools tools)
    {
        lock (gate)
        {
            if (completion is not null)
            {
                throw new InvalidOperationException("The simulation was already declared complete.");
            }

            current = new DayLease(tools, ++lent);
            Signal();
            return current;
        }
    }

    /// <summary>Runner side: the lease's day is over (ended, timed out or abandoned); clients no longer reach it.</summary>
    public void Withdraw(DayLease lease)
    {
        lock (gate)
        {
            lease.End();
            if (current == lease)
            {
                current = null;
            }
        }
    }

    /// <summary>No further day will be lent; waiting and later clients are told <paramref name="message"/>.</summary>
    public void Complete(string message)
    {
        lock (gate)
        {
            completion ??= message;
            current?.End();
            current = null;
            Signal();
        }
    }

    /// <summary>Client side: the current day, waiting while the runner is between days; null once the simulation is complete.</summary>
    public Task<DayLease?> CurrentAsync(CancellationToken cancellationToken) => NextAfterAsync(0, cancellationToken);

    /// <summary>
    /// Client side: ends the current day and returns the lease of the following day, or null once the simulation is
    /// complete. Called before the first day has begun, it ends the first day (the client is done with it before
    /// seeing it); called between days, it waits for the next one.
    /// </summary>
    public async Task<DayLease?> EndDayAndWaitAsync(CancellationToken cancellationToken)
    {
        bool started;
        lock (gate)
        {
            started = lent > 0;
        }

        if (!started && await CurrentAsync(cancellationToken) is null)
        {
            return null;
        }

        int seen;
        lock (gate)
        {
            seen = lent;
            if (current is { } lease)
            {
                current = null;
                lease.End();
            }
        }

        return await NextAfterAsync(seen, cancellationToken);
    }

    /// <summary>Client side: ends the current day, if any, without waiting for the next one.</summary>
    public DayLease? EndDay()
    {
        lock (gate)
        {
            var lease = current;
            current = null;
            lease?.End();
            return lease;
        }
    }

    private async Task<DayLease?> NextAfterAsync(int seen, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (current is { } lease && lease.Number > seen)
                {
                    return lease;
                }

                if (completion is not null)
                {
                    return null;
                }

                wait = changed.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    private void Signal()
    {
        var previous = changed;
        changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
