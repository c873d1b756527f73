using Microsoft.Extensions.Configuration;

namespace FutureSim.Cli.Configuration;

/// <summary>Where the project is (relative configured paths resolve against it), the configuration sources of its agents and the configuration files read.</summary>
internal sealed record ProjectSettings(string Root, IReadOnlyList<IConfiguration> AgentSources, IReadOnlyList<string> ConfigFiles)
{
    public string Resolve(string path) => ProjectRoot.Resolve(Root, path);
}
