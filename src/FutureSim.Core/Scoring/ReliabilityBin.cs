namespace FutureSim.Core.Scoring;

/// <summary>One non-empty reliability bin: its bounds, its size, the mean forecast p̄_k and the observed frequency ȳ_k.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanForecast, double ObservedFrequency);
