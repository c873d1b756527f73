namespace FutureSim.Core.Tools;

/// <summary>Tool arguments that do not fit the tool; the message is shown to the model.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);
