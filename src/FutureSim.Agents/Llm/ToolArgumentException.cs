namespace FutureSim.Agents.Llm;

/// <summary>A tool call's arguments do not fit the tool; the message goes back to the model as the tool's result.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);
