using FutureSim.Agents.Frameworks;
using FutureSim.Agents.Llm;
using FutureSim.Core.Simulation;

namespace FutureSim.Benchmarks.Llm;

/// <summary>The agent factories the model-agent benchmark (<c>futuresim bench llm --kind …</c>) can measure, each told of every tool call's harness time.</summary>
internal static class BenchmarkFactories
{
    public static IReadOnlyList<string> Kinds { get; } = [LlmAgentFactory.KindName, FrameworkAgentFactory.SemanticKernelKind, FrameworkAgentFactory.AgentFrameworkKind];

    /// <summary>A disposable factory of agents of <paramref name="kind"/>; the benchmark's agents name no API key variable.</summary>
    public static IAgentFactoryLease Create(string kind, Action<string, TimeSpan> observer) => kind switch
    {
        LlmAgentFactory.KindName => new Lease(new LlmAgentFactory() { ToolCallObserver = observer }),
        FrameworkAgentFactory.SemanticKernelKind or FrameworkAgentFactory.AgentFrameworkKind => new Lease(new FrameworkAgentFactory() { ToolCallObserver = observer }),
        _ => throw new ArgumentException($"The benchmark measures kinds {string.Join(", ", Kinds)}; not '{kind}'.", nameof(kind)),
    };

    /// <summary>An agent factory owned by the benchmark and disposed with it.</summary>
    internal interface IAgentFactoryLease : IAgentFactory, IDisposable;

    private sealed class Lease(IAgentFactory factory) : IAgentFactoryLease
    {
        public IReadOnlyCollection<string> Kinds => factory.Kinds;

        public IForecastingAgent Create(Core.Runs.AgentSpec spec, AgentEnvironment environment) => factory.Create(spec, environment);

        public void Dispose() => (factory as IDisposable)?.Dispose();
    }
}
