using System.ClientModel;
using FutureSim.Agents.Frameworks;
using FutureSim.Cli.Evaluation;
using FutureSim.Core.Simulation;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace MyForecasters;

public static class EvaluateMyAgent
{
    public static async Task<(SimulationResult Result, int ToolCallsSeen)> RunAsync(
        Uri endpoint, string model, SimulationRequest request, CancellationToken cancellationToken = default)
    {
        // The agent, built as usual: any OpenAI-compatible endpoint, instructions, middleware.
        IChatClient chat = new OpenAIClient(new ApiKeyCredential("no-key"), new OpenAIClientOptions { Endpoint = endpoint })
            .GetChatClient(model)
            .AsIChatClient();
        var toolCallsSeen = 0;
        AIAgent agent = new ChatClientAgent(chat, instructions: "You are a careful forecaster.", name: "mine")
            .AsBuilder()
            .Use(async (self, call, next, token) =>
            {
                Interlocked.Increment(ref toolCallsSeen);
                return await next(call, token);
            })
            .Build();

        // FutureSim replays the news to it day by day, beside the configured crowd baseline, and scores both.
        var result = await FutureSimulation.RunAsync(
            request with { ConfiguredAgents = ["crowd"] },
            [EvaluatedAgent.Create("mine", environment => FrameworkAgents.FromAIAgent("mine", agent, environment))],
            new Progress<DayReport>(day => Console.Error.WriteLine($"{day.Day:yyyy-MM-dd}: {day.Forecasts} forecasts")),
            cancellationToken);
        return (result, toolCallsSeen);
    }
}
