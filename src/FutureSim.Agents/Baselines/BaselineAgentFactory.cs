using FutureSim.Core.Configuration;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Agents.Baselines;

/// <summary>Builds the baseline agents, which need no network: abstain, uniform, crowd, base-rate and news-frequency.</summary>
public sealed class BaselineAgentFactory : IAgentFactory
{
    public const string Abstain = "abstain";
    public const string Uniform = "uniform";
    public const string Crowd = "crowd";
    public const string BaseRate = "base-rate";
    public const string NewsFrequency = "news-frequency";

    public IReadOnlyCollection<string> Kinds { get; } = [Abstain, Uniform, Crowd, BaseRate, NewsFrequency];

    /// <summary>Builds the agent; an unknown kind, a bad setting or a setting the kind does not have is an <see cref="ArgumentException"/>.</summary>
    public IForecastingAgent Create(AgentSpec spec, AgentEnvironment environment)
    {
        var reader = new SettingsReader(spec.Settings, $"agent '{spec.Name}' (kind {spec.Kind})");
        reader.Ignore("Name", "Kind");
        IForecastingAgent agent = spec.Kind switch
        {
            Abstain => new AbstainAgent(),
            Uniform => new UniformAgent(),
            Crowd => new CrowdAgent(),
            BaseRate => new BaseRateAgent(),
            NewsFrequency => new NewsFrequencyAgent(
                (int)(reader.Integer("HitsPerQuestion", 1, 10) ?? 8), (int)(reader.Integer("ArticlesRead", 0, 10) ?? 2)),
            _ => throw new ArgumentException($"Agent '{spec.Name}': kind '{spec.Kind}' is not a baseline kind ({string.Join(", ", Kinds)}).", nameof(spec)),
        };
        reader.ThrowIfInvalid();
        return agent;
    }

    /// <summary>Checks the kind, that no unknown setting is given and the values, by building the agent (baselines hold nothing).</summary>
    public void Validate(AgentSpec spec, AgentEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _ = Create(spec, environment);
    }
}
