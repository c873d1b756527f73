namespace FutureSim.Core.Tools;

/// <summary>The result of <c>submit_forecasts</c>: accepted, or refused with the reason the agent is shown.</summary>
public sealed record SubmissionResult(bool Accepted, string Message);
