using FutureSim.Mcp.Harness;

namespace FutureSim.Mcp.Tests.Harness;

public sealed class CommandLineTests
{
    [Fact]
    public void QuotesGroupWordsAndEscapesAreHonoured()
    {
        Assert.Equal(
            ["claude", "-p", "{prompt}", "--allowedTools", "a b", "it's", "say \"hi\"", "x y"],
            CommandLine.Split("claude -p {prompt}  --allowedTools 'a b' it\\'s \"say \\\"hi\\\"\" x\\ y").ToArray());
    }

    [Fact]
    public void AFilledPlaceholderStaysOneArgumentAndIsNotScannedAgain()
    {
        var filled = CommandLine.Fill(
            CommandLine.Split("run {prompt} --config={mcp_config} {unknown}"),
            new Dictionary<string, string> { ["prompt"] = "Today is {date}; be careful", ["mcp_config"] = "/a b/mcp.json", ["date"] = "2026-01-01" });

        Assert.Equal(["run", "Today is {date}; be careful", "--config=/a b/mcp.json", "{unknown}"], filled.ToArray());
    }

    [Fact]
    public void AnUnbalancedQuoteIsAClearError()
    {
        Assert.Contains("Unbalanced", Assert.Throws<ArgumentException>(() => CommandLine.Split("claude -p 'oops")).Message);
    }
}
