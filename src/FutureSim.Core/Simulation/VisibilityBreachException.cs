namespace FutureSim.Core.Simulation;

/// <summary>
/// A harness invariant breach: something invisible at the simulated now was about to reach an agent (the corpus
/// returned it, or caught itself returning it). It is a bug of the harness or a corrupt index, never the agent's
/// doing: the run stops at once and its manifest says <c>failed</c>, with this message.
/// </summary>
public sealed class VisibilityBreachException : Exception
{
    public VisibilityBreachException(string message)
        : base(message)
    {
    }

    public VisibilityBreachException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
