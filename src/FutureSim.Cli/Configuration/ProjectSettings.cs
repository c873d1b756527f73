namespace FutureSim.Cli.Configuration;

/// <summary>Where the project is (relative configured paths resolve against it) and the configuration files read, in order (with the agents each declares).</summary>
internal sealed record ProjectSettings(string Root, IReadOnlyList<ConfigurationFile> Files)
{
    /// <summary>The paths of the configuration files read.</summary>
    public IEnumerable<string> ConfigFiles => Files.Select(f => f.Path);

    public string Resolve(string path) => ProjectRoot.Resolve(Root, path);
}
