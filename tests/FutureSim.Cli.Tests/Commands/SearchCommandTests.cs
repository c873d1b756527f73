using System.Text.Json;
using FutureSim.Core.Simulation;

namespace FutureSim.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class SearchCommandTests(CliRun cli)
{
    [Fact]
    public async Task JsonHitsCarryTheirVisibilityAndAreAllVisibleAtTheEndOfTheAsOfDay()
    {
        var (code, output) = await cli.RunAsync("search", "presidential election", "--as-of", "2025-06-01", "--top", "7", "--json");

        Assert.Equal(0, code);
        var hits = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.Equal(7, hits.Length);
        foreach (var hit in hits)
        {
            Assert.True(hit.GetProperty("visible_at").GetDateTimeOffset() <= SimulatedTime.EndOf(new DateOnly(2025, 6, 1)));
            Assert.StartsWith("wce-", hit.GetProperty("id").GetString());
            Assert.True(hit.GetProperty("score").GetSingle() > 0);
            Assert.Equal("Wikipedia Current Events", hit.GetProperty("source").GetString());
            Assert.False(string.IsNullOrEmpty(hit.GetProperty("title").GetString()));
        }
    }

    [Fact]
    public async Task QuerySyntaxIsSearchedAsPlainWordsAndNeverWidensTheGate()
    {
        var (code, output) = await cli.RunAsync("search", "*:* OR visible_at:[* TO *] /.*/ \"unbalanced", "--as-of", "2025-01-03T00:00:00Z", "--top", "50", "--json");

        Assert.Equal(0, code);
        Assert.All(
            JsonDocument.Parse(output).RootElement.EnumerateArray(),
            hit => Assert.True(hit.GetProperty("visible_at").GetDateTimeOffset() <= DateTimeOffset.Parse("2025-01-03T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("--as-of", "yesterday")]
    [InlineData("--top", "0")]
    [InlineData("--to", "2025-13-01")]
    public async Task ABadOptionValueIsABadInputExit(string option, string value)
    {
        var args = new List<string> { "search", "election", "--as-of", "2025-06-01" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _) = await cli.RunAsync([.. args]);
        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData("index", "--visibility", "sloppy")]
    [InlineData("search", "election", "--top", "many")]
    [InlineData("search", "election")]
    [InlineData("run", "--no-such-option")]
    public async Task ACommandLineThatDoesNotParseIsABadInputExit(params string[] args)
    {
        var (code, _) = await cli.RunAsync(args);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task TheIndexVerbReportsTheIndexItReusesOrBuilds()
    {
        var (code, output) = await cli.RunAsync("index");
        Assert.Equal(0, code);
        Assert.Contains("articles     10,563", output);
        Assert.Contains("policy       strict", output);
    }
}
