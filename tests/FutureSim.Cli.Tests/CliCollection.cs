namespace FutureSim.Cli.Tests;

/// <summary>The tests that run the command line share one temp project state (and run one at a time).</summary>
[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<CliRun>
{
    public const string Name = "cli";
}
