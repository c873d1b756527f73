using System.Text.Json;

namespace FutureSim.Core.Tools;

/// <summary>
/// Implemented by tool surfaces that record calls: lets an adapter record a call that never reached a
/// tool (an unknown tool, or arguments that could not be read), so that every call an agent makes is in
/// the run's event log.
/// </summary>
public interface IToolCallRecorder
{
    void RecordRefusedCall(string tool, JsonElement arguments, string error);
}
