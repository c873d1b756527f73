using System.Collections.Immutable;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>A model request in canonical form (<see cref="ChatRecordFormat"/>): its replay key, options JSON, each message's JSON, and the tool names offered.</summary>
internal sealed record CanonicalRequest(string Key, string OptionsJson, ImmutableArray<string> Messages, ImmutableArray<string> ToolNames);
