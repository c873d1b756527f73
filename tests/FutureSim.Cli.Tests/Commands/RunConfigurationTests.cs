using System.Text.Json;

namespace FutureSim.Cli.Tests.Commands;

/// <summary>Configuration mistakes are bad-input exits naming the key or value and what to do, found before any run folder is made.</summary>
[Collection(CliCollection.Name)]
public sealed class RunConfigurationTests(CliRun cli)
{
    [Theory]
    [InlineData("../../escaped")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    public async Task AnAgentNameThatIsNotASafeFolderNameIsRefusedAndNothingIsWritten(string name)
    {
        var config = Write("names.json", new { Agents = new[] { new { Name = name, Kind = "uniform" } } });

        var (code, _) = await cli.RunAsync("run", "--config", config, "--agents", name, "--run-id", "names", "--start", "2025-12-01", "--end", "2025-12-02", "--quiet");

        Assert.Equal(2, code);
        Assert.False(Directory.Exists(Path.Combine(cli.RunsDirectory, "names")));
        Assert.Empty(Directory.EnumerateDirectories(cli.Root, "escaped", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateDirectories(cli.Root, "b", SearchOption.AllDirectories));
    }

    private string Write(string name, object content)
    {
        var path = Path.Combine(cli.Root, name);
        File.WriteAllText(path, JsonSerializer.Serialize(content));
        return path;
    }
}
