using FutureSim.Core.Tools;

namespace FutureSim.Core.Simulation;

/// <summary>What an agent learned when a question resolved, and on which simulated day.</summary>
internal sealed record ResolvedRecord(DateOnly ResolvedOn, ResolvedQuestionView View);
