namespace FutureSim.Corpus.Indexing;

/// <summary>
/// Lets threads through one at a time in ticket order (0, 1, 2, …): what they do between <see cref="Wait"/> and
/// <see cref="Pass"/> happens as if on one thread, in order. <see cref="Break"/> releases every waiter.
/// </summary>
internal sealed class Turnstile
{
    private readonly object gate = new();
    private int next;
    private bool broken;

    /// <summary>Blocks until it is <paramref name="ticket"/>'s turn.</summary>
    /// <exception cref="OperationCanceledException">The turnstile was broken.</exception>
    public void Wait(int ticket)
    {
        lock (gate)
        {
            while (next != ticket && !broken)
            {
                Monitor.Wait(gate);
            }

            if (broken)
            {
                throw new OperationCanceledException("The indexing threads were stopped.");
            }
        }
    }

    /// <summary>Ends the current turn.</summary>
    public void Pass()
    {
        lock (gate)
        {
            next++;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Releases every waiter, now and later, with <see cref="OperationCanceledException"/>.</summary>
    public void Break()
    {
        lock (gate)
        {
            broken = true;
            Monitor.PulseAll(gate);
        }
    }
}
