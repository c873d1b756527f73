using FutureSim.Core.Runs;

namespace FutureSim.Cli.Configuration;

/// <summary>An agent entry of the configuration and the file it comes from (for messages).</summary>
internal sealed record ConfiguredAgent(AgentSpec Spec, string File);
