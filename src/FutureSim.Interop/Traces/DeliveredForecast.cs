using System.Collections.Immutable;

namespace FutureSim.Interop.Traces;

/// <summary>A forecast FutureSim's MCP server handed to the environment, dated with the day it was delivered for.</summary>
/// <param name="Day">The simulated day the environment counted it on.</param>
/// <param name="QuestionId">The question id as the agent gave it.</param>
/// <param name="Outcomes">The outcomes in the order the agent gave them.</param>
/// <param name="FromWorkspace">Whether it was found only in the exported workspace files, not in the trace.</param>
internal sealed record DeliveredForecast(DateOnly Day, string QuestionId, ImmutableArray<KeyValuePair<string, double>> Outcomes, bool FromWorkspace = false);
