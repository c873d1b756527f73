using FutureSim.Agents.Frameworks;
using FutureSim.Agents.Llm.Bench;
using FutureSim.Agents.Tests.Llm;
using FutureSim.Core.Runs;
using FutureSim.Core.Tools;

namespace FutureSim.Agents.Tests.Frameworks;

public sealed class FrameworkAgentTests
{
    [Theory]
    [InlineData(FrameworkAgentFactory.SemanticKernelKind)]
    [InlineData(FrameworkAgentFactory.AgentFrameworkKind)]
    public async Task Probe(string kind)
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(ScriptedForecaster.Respond);
        using var factory = new FrameworkAgentFactory(_ => null);

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, [LlmRuns.Spec(kind, "fw", server.Endpoint, "model-a")], "2026-01-01", "2026-01-03");

        var events = LlmRuns.Events(folder);
        foreach (var r in server.Requests.Take(6)) { Console.WriteLine(r.Body[..Math.Min(3000, r.Body.Length)]); }
        foreach (var e in events) Console.WriteLine(e);
        Assert.DoesNotContain(events, e => e is AgentFailed);
    }
}
