namespace FutureSim.Core.Simulation;

/// <summary>
/// An agent's remote endpoint (e.g. its model API) stayed unreachable or kept failing after the agent's
/// own retries. Thrown from <see cref="IForecastingAgent.RunDayAsync"/>, it fails that agent's day with
/// failure kind <c>endpoint</c>; the run goes on. The message is shown in the run log as is, so it must
/// name the endpoint and the last error but never a credential.
/// </summary>
public sealed class AgentEndpointException : Exception
{
    public AgentEndpointException(string message)
        : base(message)
    {
    }

    public AgentEndpointException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
