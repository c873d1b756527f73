using Microsoft.Extensions.Configuration;

namespace FutureSim.Cli.Configuration;

/// <summary>Where the project is (relative configured paths resolve against it) and the configuration sources of its agents.</summary>
internal sealed record ProjectSettings(string Root, IReadOnlyList<IConfiguration> AgentSources)
{
    public string Resolve(string path) => ProjectRoot.Resolve(Root, path);
}
