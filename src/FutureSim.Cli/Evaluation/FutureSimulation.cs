using System.Globalization;
using FutureSim.Cli.Commands;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Reports;
using FutureSim.Cli.Running;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Evaluation;

/// <summary>
/// Runs FutureSim in-process on agent objects built by the caller, with the same host, configuration, run folder,
/// scoring and leaderboard files as <c>futuresim run</c>. Bad input (configuration, question files, agent entries)
/// throws <see cref="ArgumentException"/> with the message the command line prints; agents that fail fail only
/// their day, as always.
/// </summary>
public static class FutureSimulation
{
    public static async Task<SimulationResult> RunAsync(
        SimulationRequest request, IReadOnlyList<EvaluatedAgent> agents, IProgress<DayReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agents);
        var overrides = new Dictionary<string, string?>(request.Settings);
        if (request.Start is { } start)
        {
            overrides["Simulation:Start"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (request.End is { } end)
        {
            overrides["Simulation:End"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        try
        {
            using var host = CliHost.Build(request.ConfigFiles, overrides, CommandHost.AddServices, request.ProjectRoot);
            var folder = await host.Service<RunService>().RunAsync(
                new RunRequest
                {
                    RunId = request.RunId,
                    Agents = request.ConfiguredAgents,
                    QuestionSets = request.QuestionSets.IsEmpty ? null : request.QuestionSets,
                    Corpus = request.Corpus.IsEmpty ? null : request.Corpus,
                    Resume = request.Resume,
                    Quiet = true,
                    PrintLeaderboard = false,
                    Progress = progress,
                    ProvidedAgents = [.. agents.Select(a => new ProvidedAgent(new AgentSpec { Name = a.Name, Kind = a.Kind }, a.Make))],
                },
                cancellationToken);
            var scores = await host.Service<RunReports>().ScoreAsync(folder.Root, cancellationToken);
            return new SimulationResult(folder.Root, scores);
        }
        catch (Exception e) when (e is OptionsException or OptionsValidationException)
        {
            throw new ArgumentException(e.Message, e);
        }
    }
}
