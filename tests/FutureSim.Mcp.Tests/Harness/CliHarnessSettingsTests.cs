using System.Collections.Immutable;
using FutureSim.Core.Runs;
using FutureSim.Mcp.Harness;

namespace FutureSim.Mcp.Tests.Harness;

public sealed class CliHarnessSettingsTests
{
    [Fact]
    public void FlattenedConfigurationKeysAreRead()
    {
        var settings = CliHarnessSettings.From(Spec(new()
        {
            ["Command"] = "codex exec {prompt}",
            ["Environment:0"] = "OPENAI_API_KEY",
            ["Environment:1"] = "HOME",
            ["Lifetime"] = "run",
            ["ExitGrace"] = "00:00:03",
            ["ArticleHistoryDays"] = "all",
        }));

        Assert.Equal(["codex", "exec", "{prompt}"], settings.Command.ToArray());
        Assert.Equal(["HOME", "OPENAI_API_KEY"], settings.Environment.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(ChildLifetime.Run, settings.Lifetime);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.ExitGrace);
        Assert.Null(settings.ArticleHistoryDays);
    }

    [Theory]
    [InlineData("Command", "", "set \"Command\"")]
    [InlineData("Lifetime", "forever", "\"Lifetime\" must be")]
    [InlineData("ExitGrace", "soon", "\"ExitGrace\" must be")]
    [InlineData("ArticleHistoryDays", "-3", "\"ArticleHistoryDays\" must be")]
    public void BadSettingsNameTheAgentAndTheKey(string key, string value, string expected)
    {
        var values = new Dictionary<string, string> { ["Command"] = "claude -p {prompt}", [key] = value };
        var error = Assert.Throws<ArgumentException>(() => CliHarnessSettings.From(Spec(values)));
        Assert.Contains("Agent 'claude'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private static AgentSpec Spec(Dictionary<string, string> settings) => new()
    {
        Name = "claude",
        Kind = CliHarnessAgentFactory.Kind,
        Settings = settings.ToImmutableSortedDictionary(StringComparer.Ordinal),
    };
}
