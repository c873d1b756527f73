using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>One recorded model call: the full request messages (canonical JSON), and the response or the failure.</summary>
internal sealed record ModelCallEntry(int Seq, DateOnly Day, string Key, ImmutableArray<string> Messages, JsonNode? Response, RecordedFailure? Failure);
