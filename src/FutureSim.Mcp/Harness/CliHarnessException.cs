namespace FutureSim.Mcp.Harness;

/// <summary>A CLI agent's process failed its day (it crashed or exited with an error); recorded as that day's agent failure.</summary>
public sealed class CliHarnessException(string message) : Exception(message);
