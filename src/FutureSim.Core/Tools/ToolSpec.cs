namespace FutureSim.Core.Tools;

/// <summary>A tool as a model sees it: its name, a description good enough to use it unaided, the JSON schema of its arguments and an example call.</summary>
public sealed record ToolSpec(string Name, string Description, string InputSchema, string Example);
