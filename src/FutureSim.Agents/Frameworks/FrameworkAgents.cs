using FutureSim.Agents.Llm;
using FutureSim.Core.Simulation;
using Microsoft.Agents.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// Turns an agent a user built with Semantic Kernel or Microsoft Agent Framework, unchanged, into a FutureSim
/// forecaster: each simulated day it gets the day's briefing and the forecasting tools as framework-native
/// functions (the <c>futuresim</c> plugin of a kernel; <c>AIFunction</c>s for an agent), generated from the one
/// tool catalog, and its own plugins, filters and middleware keep running. The agent's chat client is the
/// user's: record and replay of model calls apply to the configured kinds (<c>semantic-kernel</c>,
/// <c>agent-framework</c>), whose chat client FutureSim builds.
/// </summary>
public static class FrameworkAgents
{
    /// <summary>
    /// A forecaster that is <paramref name="kernel"/>: each day a fresh chat (system prompt, the rendered prompt
    /// template) is completed by the kernel's <c>IChatCompletionService</c> with automatic function calling. The
    /// kernel given is not changed (a clone gets the tools).
    /// </summary>
    public static IForecastingAgent FromKernel(string name, Kernel kernel, FrameworkAgentOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        options ??= new FrameworkAgentOptions();
        var systemPrompt = options.SystemPrompt ?? AgentPrompt.Render(AgentPrompt.DefaultTemplate, name, LlmDefaults(options));
        return new SemanticKernelAgent(
            name, kernel, options.ExecutionSettings, systemPrompt, options.PromptTemplate ?? FrameworkAgentSettings.DefaultPromptTemplate,
            new ToolDay(Limits(options)), null, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SemanticKernelAgent>());
    }

    /// <summary>
    /// A forecaster that is <paramref name="agent"/>: each day the morning briefing is sent on the agent's session,
    /// which is saved in <see cref="AgentEnvironment.AgentDirectory"/> at the end of the day and carries the
    /// conversation across days (and across a resume).
    /// </summary>
    public static IForecastingAgent FromAIAgent(string name, AIAgent agent, AgentEnvironment environment, FrameworkAgentOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(environment);
        return new AgentFrameworkAgent(
            name, agent, new ToolDay(Limits(options ?? new FrameworkAgentOptions())), null, environment.AgentDirectory,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AgentFrameworkAgent>());
    }

    private static DayLimits Limits(FrameworkAgentOptions options) => new(options.MaxToolCallsPerDay, MaxModelCallsPerDay: 0);

    private static LlmAgentSettings LlmDefaults(FrameworkAgentOptions options) => new()
    {
        Connection = new ModelEndpointSettings { Endpoint = new Uri("http://localhost/"), Model = "" },
        SystemPrompt = "",
        MaxToolCallsPerDay = options.MaxToolCallsPerDay,
        MaxModelCallsPerDay = 0,
    };
}
