using System.Collections.Immutable;
using FutureSim.Core.Runs;
using FutureSim.Mcp.Harness;
using FutureSim.Mcp.Sandbox;

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
        Assert.Equal(SandboxKind.Bubblewrap, settings.Sandbox);
    }

    [Fact]
    public void ASandboxedAgentNamesItsHostsAndReadOnlyPaths()
    {
        var settings = CliHarnessSettings.From(Spec(new()
        {
            ["Command"] = "claude -p {prompt}",
            ["Sandbox"] = "Bubblewrap",
            ["AllowedHosts:0"] = "api.anthropic.com",
            ["AllowedHosts:1"] = "127.0.0.1:8080",
            ["AllowedHosts:2"] = "[::1]:9000",
            ["ReadOnlyPaths:0"] = "/opt/my agent",
        }));

        Assert.Equal([new AllowedHost("api.anthropic.com", null), new AllowedHost("127.0.0.1", 8080), new AllowedHost("::1", 9000)], settings.AllowedHosts.ToArray());
        Assert.Equal(["/opt/my agent"], settings.ReadOnlyPaths.ToArray());
        Assert.Equal(SandboxKind.None, CliHarnessSettings.From(Spec(new() { ["Command"] = "x", ["Sandbox"] = "none" })).Sandbox);
    }

    [Theory]
    [InlineData("Command", "", "set \"Command\"")]
    [InlineData("Lifetime", "forever", "'Lifetime' must be")]
    [InlineData("ExitGrace", "soon", "'ExitGrace' must be")]
    [InlineData("ArticleHistoryDays", "-3", "'ArticleHistoryDays' must be")]
    [InlineData("Lifetyme", "run", "'Lifetyme' is not a setting")]
    [InlineData("Sandbox", "docker", "'Sandbox' must be one of bubblewrap, none")]
    [InlineData("Sandbox", "1", "'Sandbox' must be one of bubblewrap, none")]
    [InlineData("AllowedHosts:0", "https://api.anthropic.com/v1", "'AllowedHosts' entry \"https://api.anthropic.com/v1\" is not a host")]
    [InlineData("AllowedHosts:0", "api.anthropic.com:99999", "is not a host or host:port")]
    [InlineData("ReadOnlyPaths:0", "tools/bin", "'ReadOnlyPaths' entry \"tools/bin\" must be an absolute path")]
    [InlineData("RelayCommand", "futuresim", "'RelayCommand' applies only with \"Sandbox\": \"none\"")]
    [InlineData("Sandbx", "none", "'Sandbx' is not a setting")]
    [InlineData("AllowedHost:0", "api.anthropic.com", "'AllowedHost:0' is not a setting")]
    public void BadSettingsNameTheAgentAndTheKey(string key, string value, string expected)
    {
        var values = new Dictionary<string, string> { ["Command"] = "claude -p {prompt}", [key] = value };
        var error = Assert.Throws<ArgumentException>(() => CliHarnessSettings.From(Spec(values)));
        Assert.Contains("agent 'claude'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("AllowedHosts:0", "api.anthropic.com")]
    [InlineData("ReadOnlyPaths:0", "/opt/claude")]
    public void SandboxSettingsWithoutASandboxAreAnError(string key, string value)
    {
        var values = new Dictionary<string, string> { ["Command"] = "claude -p {prompt}", ["Sandbox"] = "none", [key] = value };
        var error = Assert.Throws<ArgumentException>(() => CliHarnessSettings.From(Spec(values)));
        Assert.Contains("with \"Sandbox\": \"none\" there is none", error.Message);
    }

    private static AgentSpec Spec(Dictionary<string, string> settings) => new()
    {
        Name = "claude",
        Kind = CliHarnessAgentFactory.Kind,
        Settings = settings.ToImmutableSortedDictionary(StringComparer.Ordinal),
    };
}
