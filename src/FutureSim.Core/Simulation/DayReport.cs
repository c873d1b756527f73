namespace FutureSim.Core.Simulation;

/// <summary>A summary of one completed simulated day, for progress displays.</summary>
public sealed record DayReport(DateOnly Day, int DayNumber, int TotalDays, int OpenQuestions, int Resolved, int Forecasts, int ToolCalls, int Failures);
