namespace FutureSim.Benchmarks.ChatServer;

/// <summary>A tool call a scripted model makes: its id, the tool's name and the arguments exactly as sent (JSON text, possibly malformed on purpose).</summary>
public sealed record ScriptedCall(string Id, string Name, string ArgumentsJson);
