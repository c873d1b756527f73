namespace FutureSim.Core.Questions;

/// <summary>A market or crowd probability of Yes, usable only from <see cref="AvailableFrom"/> on.</summary>
public sealed record CrowdForecast(DateTimeOffset AvailableFrom, double ProbabilityYes);
