namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>A replay asked for a model call its recording does not hold: the replay diverged from the recorded run.</summary>
internal sealed class ReplayMismatchException(string message) : Exception(message);
