namespace FutureSim.Core.Sweeps;

/// <summary>A simulated date window (first and last day, optional look-back and step); the label defaults to <c>yyyyMMdd-yyyyMMdd</c>.</summary>
public sealed record SweepWindow(string? Label, DateOnly Start, DateOnly End, int? LookbackDays, int? StepDays);
