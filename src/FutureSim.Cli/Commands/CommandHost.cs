using System.CommandLine;
using FutureSim.Agents.Assemblies;
using FutureSim.Agents.Baselines;
using FutureSim.Agents.Frameworks;
using FutureSim.Agents.Llm;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Reports;
using FutureSim.Cli.Running;
using FutureSim.Cli.Sweeps;
using FutureSim.Cluster;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Commands;

/// <summary>
/// Runs a verb inside the host and turns failures into clear messages and exit codes: 0 success,
/// 1 failure, 2 bad input or configuration (the message names the file and line or the option).
/// </summary>
internal static class CommandHost
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>Runs <paramref name="verb"/> in a host configured from the command line, <paramref name="overrides"/> and <paramref name="sweepFile"/> (layered after the <c>--config</c> files).</summary>
    public static async Task<int> RunAsync(
        ParseResult parse,
        IReadOnlyDictionary<string, string?> overrides,
        Func<CliHost, CancellationToken, Task<int>> verb,
        CancellationToken cancellationToken,
        string? sweepFile = null)
    {
        try
        {
            var skipInvalid = parse.GetValue(CommonOptions.SkipInvalid);
            var all = new Dictionary<string, string?>(overrides);
            if (skipInvalid)
            {
                all[$"{CorpusOptions.SectionName}:{nameof(CorpusOptions.SkipInvalid)}"] = "true";
                all[$"{SimulationOptions.SectionName}:{nameof(SimulationOptions.SkipInvalid)}"] = "true";
            }

            using var host = CliHost.Build(parse.GetValue(CommonOptions.Config) ?? [], all, AddServices, sweepFile: sweepFile);
            return await verb(host, cancellationToken);
        }
        catch (Exception e) when (e is OptionsException or InvalidInputException or OptionsValidationException or RunFolderBusyException or RunFolderExistsException or ClusterUnavailableException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled. A run can be continued with: futuresim run --resume <run-id>");
            return Failure;
        }
        catch (FutureSim.Corpus.Semantic.EmbeddingFailedException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return Failure;
        }
        catch (VisibilityBreachException e)
        {
            await Console.Error.WriteLineAsync("HARNESS INVARIANT BREACHED, run stopped: " + e.Message);
            return Failure;
        }
    }

    /// <summary>The services of every verb: the agent factories of all kinds, the corpus, runs and reports.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IAgentFactory, BaselineAgentFactory>();
        services.AddSingleton<IAgentFactory>(provider => new LlmAgentFactory(provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IAgentFactory>(provider => new FrameworkAgentFactory(provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IAgentFactory, AssemblyAgentFactory>();
        services.AddSingleton<CorpusOpener>();
        services.AddSingleton<RunService>();
        services.AddSingleton<RunQuestionLoader>();
        services.AddSingleton<RunReports>();
        services.AddSingleton<AnswerMatching>();
        services.AddSingleton<SweepExecutor>();
        services.AddSingleton<SweepPlanning>();
        services.AddSingleton<LocalSweep>();
        services.AddSingleton<PooledLeaderboard>();
        services.AddSingleton<ClusterSweep>();
    }
}
