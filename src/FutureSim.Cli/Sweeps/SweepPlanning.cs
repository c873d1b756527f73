using System.Collections.Immutable;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Running;
using FutureSim.Core.Articles;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Sweeps;

/// <summary>
/// Turns a sweep file into a plan and checks everything that can be checked before a run starts: the grid (unknown keys,
/// empty lists, duplicate run ids), the agents' kinds and settings, the question and news files, existing run folders made
/// from other settings, and the corpora, which are opened (building or verifying this machine's index) to name their fingerprints.
/// The base configuration is the host's: appsettings.json, the <c>--config</c> files and the sweep file itself, layered.
/// </summary>
internal sealed class SweepPlanning(
    ProjectSettings project,
    IOptions<SimulationOptions> simulationOptions,
    IOptions<CorpusOptions> corpusOptions,
    IEnumerable<IAgentFactory> factories,
    RunService runs,
    SweepExecutor executor,
    ILogger<SweepPlanning> logger)
{
    public SweepDefinition Read(string file) => SweepDefinitionReader.Read(file);

    /// <summary>The plan of <paramref name="file"/>, checked, without corpus fingerprints (see <see cref="HoldCorporaAsync"/>).</summary>
    public SweepPlan Plan(string file, SweepDefinition definition)
    {
        var simulation = simulationOptions.Value;
        var corpus = corpusOptions.Value;
        var configuration = new SweepBase
        {
            Simulation = simulation.ToSettings(),
            QuestionSets = [.. simulation.QuestionSets],
            CorpusFiles = [.. corpus.Files],
            Visibility = corpus.Visibility,
            Agents = [.. ConfiguredAgents.Read(project.Files).Select(a => a.Spec)],
            SeedSetting = kind => factories.Select(f => f.SeedSetting(kind)).FirstOrDefault(s => s is not null),
        };
        var (plan, notes) = SweepPlanner.Plan(definition, configuration, file);
        foreach (var note in notes)
        {
            logger.LogInformation("Sweep {Sweep}: {Note}", plan.Name, note);
        }

        foreach (var agent in plan.Runs.SelectMany(r => r.Agents).DistinctBy(a => a.Name))
        {
            runs.Validate(agent, file);
        }

        foreach (var path in plan.Runs.SelectMany(r => r.QuestionSets.Concat(r.CorpusFiles)).Distinct())
        {
            var resolved = project.Resolve(path);
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                throw new OptionsException($"{file}: the sweep names {path}, which does not exist ({resolved}).");
            }
        }

        var folder = executor.FolderOf(plan);
        if (plan.Runs.Select(folder.Mismatch).FirstOrDefault(m => m is not null) is { } mismatch)
        {
            throw new OptionsException(mismatch);
        }

        logger.LogInformation(
            "Sweep {Sweep}: {Runs} runs, {Days} simulated days in all, folder {Folder}",
            plan.Name, plan.Runs.Length, plan.Runs.Sum(r => r.Days), folder.Root);
        return plan;
    }

    /// <summary>
    /// Opens every corpus of the plan on this machine and keeps it open (dispose the leases to close them); returns the plan
    /// with each run's corpus fingerprint. A fingerprint the sweep file names and the corpus does not have is bad input.
    /// </summary>
    public async Task<(SweepPlan Plan, ImmutableArray<ITimeGatedCorpus> Corpora)> HoldCorporaAsync(SweepPlan plan, CancellationToken cancellationToken)
    {
        var leases = ImmutableArray.CreateBuilder<ITimeGatedCorpus>();
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var resolved = ImmutableArray.CreateBuilder<SweepRun>();
            foreach (var run in plan.Runs)
            {
                var key = run.Visibility + "\n" + string.Join('\n', run.CorpusFiles);
                if (!fingerprints.TryGetValue(key, out var fingerprint))
                {
                    ITimeGatedCorpus corpus;
                    try
                    {
                        corpus = await executor.HoldCorpusAsync(run, cancellationToken);
                    }
                    catch (CorpusMismatchException e)
                    {
                        throw new OptionsException(e.Message);
                    }

                    leases.Add(corpus);
                    fingerprint = fingerprints[key] = corpus.Identity.Fingerprint;
                }

                resolved.Add(run with { CorpusFingerprint = fingerprint });
            }

            return (plan with { Runs = resolved.ToImmutable() }, leases.ToImmutable());
        }
        catch
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }

            throw;
        }
    }
}
