namespace FutureSim.Interop.Traces;

/// <summary>The tools of FutureSim's MCP server whose calls decide what the environment counted.</summary>
internal enum ForecastTool
{
    SubmitForecasts,
    NextDay,
}
