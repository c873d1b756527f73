using Microsoft.SemanticKernel;

namespace FutureSim.Agents.Frameworks;

/// <summary>How <see cref="FrameworkAgents"/> drives an agent object built outside FutureSim.</summary>
public sealed record FrameworkAgentOptions
{
    /// <summary>The system prompt of a kernel's daily chat; by default the one <c>llm</c> agents get. An Agent Framework agent keeps its own instructions.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>The Semantic Kernel prompt template of a kernel's daily user message (<c>{{$briefing}}</c>, <c>{{$today}}</c>, <c>{{$agent_name}}</c>).</summary>
    public string? PromptTemplate { get; init; }

    /// <summary>The execution settings of a kernel's chat; by default automatic function calling.</summary>
    public PromptExecutionSettings? ExecutionSettings { get; init; }

    /// <summary>Tool calls per day; the day ends when they are used up (0: no limit).</summary>
    public int MaxToolCallsPerDay { get; init; } = 100;
}
