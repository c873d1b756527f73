using System.Collections.Immutable;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Agents.Assemblies;

/// <summary>
/// Builds agents of kind <c>assembly</c>: a user's own C# agent, a public type implementing
/// <see cref="IForecastingAgent"/> in an assembly file named by the settings <c>Assembly</c> (a path, relative to
/// the current folder or absolute) and <c>Type</c> (the full type name). The type needs a public constructor
/// taking <c>(IReadOnlyDictionary&lt;string, string&gt; settings, AgentEnvironment environment)</c>,
/// <c>(IReadOnlyDictionary&lt;string, string&gt; settings)</c> or nothing; the entry's other keys are its
/// settings. An agent that cannot be loaded is a bad-input error naming the entry. A disposable agent is disposed
/// by the harness after the run.
/// </summary>
public sealed class AssemblyAgentFactory : IAgentFactory
{
    public const string KindName = "assembly";

    public IReadOnlyCollection<string> Kinds { get; } = [KindName];

    public void Validate(AgentSpec spec) => Constructor(spec);

    public IForecastingAgent Create(AgentSpec spec, AgentEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (constructor, settings) = Constructor(spec);
        var parameters = constructor.GetParameters();
        object?[] arguments = parameters.Length switch
        {
            0 => [],
            1 => [settings],
            _ => [settings, environment],
        };
        try
        {
            return (IForecastingAgent)constructor.Invoke(arguments);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new ArgumentException($"Agent '{spec.Name}' ({constructor.DeclaringType}): its constructor failed: {e.InnerException.Message}", e.InnerException);
        }
    }

    private static (System.Reflection.ConstructorInfo Constructor, ImmutableSortedDictionary<string, string> Settings) Constructor(AgentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var owner = $"Agent '{spec.Name}' (kind {KindName})";
        var assembly = Setting(spec, "Assembly", owner, "bin/Release/net10.0/MyAgents.dll");
        var typeName = Setting(spec, "Type", owner, "MyCompany.Forecasting.MyAgent");
        var type = UserTypes.Load(assembly, typeName, owner);
        if (!typeof(IForecastingAgent).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{owner}: '{typeName}' does not implement {nameof(IForecastingAgent)} (or is abstract). Implement RunDayAsync(IForecastingTools, CancellationToken).");
        }

        var settings = spec.Settings.Where(s => s.Key is not "Assembly" and not "Type").ToImmutableSortedDictionary(StringComparer.Ordinal);
        var constructor = type.GetConstructor([typeof(IReadOnlyDictionary<string, string>), typeof(AgentEnvironment)])
            ?? type.GetConstructor([typeof(IReadOnlyDictionary<string, string>)])
            ?? type.GetConstructor(Type.EmptyTypes)
            ?? throw new ArgumentException(
                $"{owner}: '{typeName}' has no public constructor taking (IReadOnlyDictionary<string, string> settings, AgentEnvironment environment), (IReadOnlyDictionary<string, string> settings) or nothing.");
        return (constructor, settings);
    }

    private static string Setting(AgentSpec spec, string key, string owner, string example) =>
        spec.Settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"{owner} needs '{key}', e.g. \"{key}\": \"{example}\".");
}
