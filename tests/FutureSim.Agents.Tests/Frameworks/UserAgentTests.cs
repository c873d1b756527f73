using System.ClientModel;
using FutureSim.Agents.Frameworks;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Agents.Tests.Llm;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.TestKit;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using OpenAI;

namespace FutureSim.Agents.Tests.Frameworks;

/// <summary>Agent objects built by a user with the frameworks' own APIs, run unchanged through <see cref="FrameworkAgents"/>.</summary>
public sealed class UserAgentTests
{
    [Fact]
    public async Task AUsersKernelForecastsThroughTheFutureSimPluginAndItsOwnFunctionFilterRuns()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(PluginNamed);
        var filter = new CountingFilter();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(Chat(server).AsBuilder().UseKernelFunctionInvocation().Build().AsChatCompletionService());
        builder.Services.AddSingleton<IFunctionInvocationFilter>(filter);
        var kernel = builder.Build();

        var folder = await RunAsync(temp, "sk", _ => FrameworkAgents.FromKernel("sk", kernel));

        var events = RunHarness.Events(folder);
        Assert.DoesNotContain(events, e => e is AgentFailed);
        Assert.Equal(3, events.OfType<ForecastSubmitted>().Count(e => e.Day == TestData.Day("2026-01-01")));
        Assert.Equal(events.OfType<ToolCalled>().Count() + 3, filter.Invocations);
        Assert.Contains(ForecastingFunctions.PluginName + "-" + ToolNames.SubmitForecasts, filter.Functions);
        Assert.Empty(kernel.Plugins);
    }

    [Fact]
    public async Task AnAgentFrameworkAgentWhoseMiddlewareThrowsFailsOnlyThatDay()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(ScriptedForecaster.Respond);
        var agent = new ChatClientAgent(Chat(server), instructions: "Forecast well.", name: "maf")
            .AsBuilder()
            .Use(
                runFunc: (messages, session, options, inner, token) =>
                    messages.Any(m => m.Text.Contains("Today is 2026-01-02", StringComparison.Ordinal))
                        ? throw new InvalidOperationException("the agent's own middleware broke")
                        : inner.RunAsync(messages, session, options, token),
                runStreamingFunc: null)
            .Build();

        var folder = await RunAsync(temp, "maf", environment => FrameworkAgents.FromAIAgent("maf", agent, environment));

        var events = RunHarness.Events(folder);
        var failure = Assert.Single(events.OfType<AgentFailed>());
        Assert.Equal(("exception", TestData.Day("2026-01-02")), (failure.Kind, failure.Day));
        Assert.Contains("the agent's own middleware broke", failure.Message);
        Assert.Contains(events, e => e is ForecastSubmitted f && f.Day == TestData.Day("2026-01-03"));
    }

    private static IChatClient Chat(ChatCompletionServer server) =>
        new OpenAIClient(new ApiKeyCredential("no-key"), new OpenAIClientOptions { Endpoint = server.Endpoint }).GetChatClient("user-model").AsIChatClient();

    private static async Task<RunFolder> RunAsync(TempDirectory temp, string name, Func<AgentEnvironment, IForecastingAgent> create)
    {
        var manifest = TestData.Manifest("user", "2026-01-01", "2026-01-03", name);
        manifest = manifest with { Simulation = manifest.Simulation with { AgentDayTimeout = TimeSpan.FromSeconds(20) } };
        var folder = RunFolder.Create(temp.Sub("run"), manifest, LlmRuns.Questions);
        var agent = create(LlmRuns.Environment(folder, name));
        await new SimulationRunner(new InMemoryCorpus(LlmRuns.Articles), NormalisingAnswerMatcher.Instance, TimeProvider.System)
            .RunAsync(folder, [new AgentRegistration(manifest.Agents[0], agent)], null, CancellationToken.None);
        return folder;
    }

    /// <summary>The scripted forecaster for a kernel whose model sees the plugin's qualified names (<c>futuresim-search_news</c>).</summary>
    private static ServerReply PluginNamed(ServedRequest request)
    {
        var separator = request.Body.Contains("\"futuresim-", StringComparison.Ordinal) ? "-" : "_";
        var prefix = ForecastingFunctions.PluginName + separator;
        var bare = request with { Body = request.Body.Replace("\"" + prefix, "\"", StringComparison.Ordinal) };
        bare = new ServedRequest(bare.Number, bare.Method, bare.Path, bare.Headers, bare.Body, bare.ReceivedAt);
        var reply = ScriptedForecaster.Respond(bare);
        return reply with { Body = ToolCatalog.Names.Aggregate(reply.Body, (body, tool) => body.Replace($"\"name\":\"{tool}\"", $"\"name\":\"{prefix}{tool}\"", StringComparison.Ordinal)) };
    }

    private sealed class CountingFilter : IFunctionInvocationFilter
    {
        private int invocations;

        public int Invocations => invocations;

        public List<string> Functions { get; } = [];

        public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
        {
            Interlocked.Increment(ref invocations);
            lock (Functions)
            {
                Functions.Add(context.Function.PluginName + "-" + context.Function.Name);
            }

            await next(context);
        }
    }
}
