namespace FutureSim.Interop.Traces;

/// <summary>Where and why FutureSim refused a forecast.</summary>
internal enum RefusalKind
{
    /// <summary>The MCP server answered that the question is not active in market.csv.</summary>
    McpInactiveQuestion,

    /// <summary>The MCP server answered that there are more than 5 outcomes.</summary>
    McpTooManyOutcomes,

    /// <summary>The MCP server answered with another error.</summary>
    McpOther,

    /// <summary>The MCP server accepted it, but the environment did not: the question had resolved (or never existed).</summary>
    EnvironmentInactive,
}
