using FutureSim.Core.Questions;

namespace FutureSim.Core.Simulation;

/// <summary>The harness's record of one agent: its held forecasts, its notes and its resolved questions. Changed only by applying run events.</summary>
internal sealed class AgentLedger(string name)
{
    public string Name { get; } = name;

    public Dictionary<QuestionId, HeldForecast> Forecasts { get; } = [];

    public List<ResolvedRecord> Resolved { get; } = [];

    public string Notes { get; set; } = "";
}
