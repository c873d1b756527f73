using System.Collections.Immutable;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Reports;
using FutureSim.Core.Articles;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Questions;
using FutureSim.Mcp.Harness;
using FutureSim.Mcp.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Running;

/// <summary>
/// Prepares and executes runs: a new run from configuration, <c>--resume</c> of a killed run and
/// <c>--replay</c> of a recorded one all end in the same place — a run folder whose manifest says what
/// to replay, handed to the <see cref="SimulationRunner"/>.
/// </summary>
internal sealed class RunService(
    ProjectSettings project,
    IOptions<SimulationOptions> simulationOptions,
    IOptions<CorpusOptions> corpusOptions,
    CorpusOpener corpora,
    RunQuestionLoader questionLoader,
    IEnumerable<IAgentFactory> factories,
    DeferredFileSink runLog,
    RunReports reports,
    AnswerMatching matching,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    ILogger<RunService> logger)
{
    public async Task<RunFolder> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var options = simulationOptions.Value;
        var runsRoot = project.Resolve(options.RunsDirectory);
        _ = matching.Matcher; // a bad Judge section fails before any run folder is written
        RunFolder folder;
        ITimeGatedCorpus? opened = null;
        if (request.Resume is { } resume)
        {
            folder = RunFolder.Open(Path.Combine(runsRoot, resume));
            ValidateAll(folder.ReadManifest().Agents, request);
            runLog.Open(folder.File(RunFolderLayout.Log));
            logger.LogInformation("Resuming run {RunId} from {Folder}", resume, folder.Root);
        }
        else if (request.Replay is { } replay)
        {
            var source = RunFolder.Open(Path.Combine(runsRoot, replay));
            var manifest = source.ReadManifest() with { RunId = NewRunId(request), Status = RunStatus.Running, ReplayOf = replay };
            manifest = manifest with { Agents = ValidateAll(manifest.Agents, request) };
            folder = Create(runsRoot, manifest, source.ReadQuestions());
            logger.LogInformation("Replaying run {Source} from its recorded model calls as {RunId}", replay, manifest.RunId);
        }
        else
        {
            (folder, opened) = await CreateFromConfigurationAsync(request, options, runsRoot, cancellationToken);
        }

        using (opened)
        {
            await ExecuteAsync(folder, runsRoot, request, opened, cancellationToken);
        }

        return folder;
    }

    /// <summary>Creates the run folder from configuration; returns it with the corpus it opened, for the run to use.</summary>
    private async Task<(RunFolder Folder, ITimeGatedCorpus Corpus)> CreateFromConfigurationAsync(RunRequest request, SimulationOptions options, string runsRoot, CancellationToken cancellationToken)
    {
        var settings = options.ToSettings();
        var configured = ValidateAll(
            request.AgentSpecs is { } given ? [.. given]
            : request.ProvidedAgents.Count > 0 && request.Agents is not { Count: > 0 } ? []
            : ConfiguredAgents.Select(ConfiguredAgents.Read(project.AgentSources), request.Agents),
            request);

        var agents = configured.AddRange(request.ProvidedAgents.Select(p => p.Spec));
        if (agents.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != agents.Length)
        {
            throw new OptionsException($"Agent names must be unique in a run: {string.Join(", ", agents.Select(a => a.Name))}.");
        }

        var (questions, sets) = questionLoader.Load(request.QuestionSets ?? options.QuestionSets, settings, options.SkipInvalid);
        var corpusFiles = request.Corpus ?? corpusOptions.Value.Files;
        var corpus = await corpora.OpenAsync(corpusFiles, corpusOptions.Value.Visibility, cancellationToken);
        var manifest = new RunManifest
        {
            RunId = NewRunId(request),
            Status = RunStatus.Running,
            Simulation = settings,
            Corpus = corpus.Identity,
            CorpusFiles = [.. corpusFiles],
            QuestionSets = sets,
            Agents = agents,
        };
        try
        {
            return (Create(runsRoot, manifest, questions), corpus);
        }
        catch
        {
            corpus.Dispose();
            throw;
        }
    }

    private RunFolder Create(string runsRoot, RunManifest manifest, ImmutableArray<Question> questions)
    {
        var folder = RunFolder.Create(Path.Combine(runsRoot, manifest.RunId), manifest, questions);
        runLog.Open(folder.File(RunFolderLayout.Log));
        logger.LogInformation(
            "Run {RunId}: {Days} days from {First:yyyy-MM-dd} to {End:yyyy-MM-dd}, {Questions} questions, agents {Agents}, folder {Folder}",
            manifest.RunId, manifest.Simulation.Days().Count(), manifest.Simulation.FirstDay, manifest.Simulation.End, questions.Length,
            string.Join(", ", manifest.Agents.Select(a => a.Name)), folder.Root);
        return folder;
    }

    /// <summary>Runs the folder's simulation on <paramref name="opened"/>, or on the corpus its manifest names (resume, replay).</summary>
    private async Task ExecuteAsync(RunFolder folder, string runsRoot, RunRequest request, ITimeGatedCorpus? opened, CancellationToken cancellationToken)
    {
        var manifest = folder.ReadManifest();
        using var reopened = opened is null ? await corpora.OpenAsync(manifest.CorpusFiles, manifest.Corpus.Policy, cancellationToken) : null;
        var corpus = opened ?? reopened!;
        if (corpus.Identity.Fingerprint != manifest.Corpus.Fingerprint)
        {
            throw new OptionsException(
                $"The corpus of run {manifest.RunId} has changed since the run started (fingerprint {manifest.Corpus.Fingerprint}, now {corpus.Identity.Fingerprint}). Restore the corpus files listed in its manifest.");
        }

        var replayFrom = manifest.ReplayOf is { } source ? Path.Combine(runsRoot, source) : null;

        // CLI agents read their dated article tree from this run's corpus, and their processes end with the run.
        await using var harness = new CliHarnessAgentFactory(corpus, loggerFactory, SandboxPaths(request, [.. manifest.CorpusFiles, .. manifest.QuestionSets.Select(q => q.File)]));
        var agents = manifest.Agents
            .Select(spec => new AgentRegistration(spec, Build(spec, new AgentEnvironment(folder.AgentDirectory(spec.Name), timeProvider, replayFrom))))
            .ToImmutableArray();
        IForecastingAgent Build(AgentSpec spec, AgentEnvironment environment)
        {
            if (request.ProvidedAgents.FirstOrDefault(p => p.Spec.Name == spec.Name) is { } provided)
            {
                return provided.Create(environment);
            }

            try
            {
                return FactoryFor(spec, harness).Create(spec, environment);
            }
            catch (ArgumentException e)
            {
                throw new OptionsException(e.Message);
            }
        }

        var runner = new SimulationRunner(corpus, matching.Matcher, timeProvider);
        var started = timeProvider.GetTimestamp();
        try
        {
            await DayProgressDisplay.RunAsync(
                manifest.Simulation.Days().Count(), request.Quiet, logger,
                progress => runner.RunAsync(folder, agents, request.Progress is { } also ? new BothProgress(progress, also) : progress, cancellationToken));
        }
        catch (VisibilityBreachException e)
        {
            logger.LogCritical("Harness invariant breached; run {RunId} stopped and marked failed: {Breach}", manifest.RunId, e.Message);
            throw;
        }

        logger.LogInformation("Run {RunId} completed in {Elapsed:0.0} s; events in {Events}", manifest.RunId, timeProvider.GetElapsedTime(started).TotalSeconds, folder.EventsPath);
        var scoring = timeProvider.GetTimestamp();
        await reports.RescoreAsync(folder.Root, async board =>
        {
            if (request.PrintLeaderboard)
            {
                await (request.KeepStandardOutputFree ? Console.Error : Console.Out).WriteAsync(RunReports.Render(board, "md"));
            }

            logger.LogInformation("Leaderboard printed {Elapsed:0.00} s after the run", timeProvider.GetElapsedTime(scoring).TotalSeconds);
        }, cancellationToken);
        logger.LogInformation("Scored in {Elapsed:0.00} s; leaderboard, daily metrics and charts written to {Folder}", timeProvider.GetElapsedTime(scoring).TotalSeconds, folder.Root);
    }

    /// <summary>
    /// Fails early, before any run folder exists (and before a resumed run goes on), for an agent of unknown kind, with bad
    /// settings, or whose sandbox cannot be built here. Returns the specs as the manifest records them (a CLI agent's
    /// <c>Sandbox</c> written out). Agents the caller provides in-process are theirs to check.
    /// </summary>
    private ImmutableArray<AgentSpec> ValidateAll(ImmutableArray<AgentSpec> specs, RunRequest request) =>
        [.. specs.Select(spec => request.ProvidedAgents.Any(p => p.Spec.Name == spec.Name) ? spec : Validate(spec, request))];

    private AgentSpec Validate(AgentSpec spec, RunRequest request)
    {
        if (!AgentFolders.IsValidName(spec.Name))
        {
            throw new OptionsException($"Agent name '{spec.Name}' cannot name the agent's folder: {AgentFolders.NameRule}.");
        }

        try
        {
            if (spec.Kind == CliHarnessAgentFactory.Kind)
            {
                return CliHarnessAgentFactory.Validate(spec, SandboxPaths(request, []));
            }

            FactoryFor(spec, null).Validate(spec);
            return spec;
        }
        catch (ArgumentException e)
        {
            throw new OptionsException(e.Message);
        }
    }

    /// <summary>What no CLI agent's sandbox may show: the project folder, the runs, the corpus and its index, the question files, the judge's cache and the configuration.</summary>
    private SandboxHostPaths SandboxPaths(RunRequest request, IEnumerable<string> recorded) =>
        SandboxHostPaths.ForThisProgram(
        [
            project.Root,
            project.Resolve(simulationOptions.Value.RunsDirectory),
            project.Resolve(corpusOptions.Value.IndexDirectory),
            matching.CacheFile,
            .. project.ConfigFiles,
            .. corpusOptions.Value.Files.Concat(request.Corpus ?? []).Select(project.Resolve),
            .. simulationOptions.Value.QuestionSets.Concat(request.QuestionSets ?? []).Select(project.Resolve),
            .. recorded.Where(f => f.Length > 0).Select(project.Resolve),
        ]);

    private IAgentFactory FactoryFor(AgentSpec spec, IAgentFactory? runScoped)
    {
        var all = runScoped is null ? factories : factories.Append(runScoped);
        return all.FirstOrDefault(f => f.Kinds.Contains(spec.Kind))
            ?? throw new OptionsException(
                $"Agent '{spec.Name}' has unknown Kind '{spec.Kind}'. Known kinds: {string.Join(", ", factories.SelectMany(f => f.Kinds).Append(CliHarnessAgentFactory.Kind).Order(StringComparer.Ordinal))}.");
    }

    private string NewRunId(RunRequest request)
    {
        var id = request.RunId ?? "run-" + timeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return id.Length > 0 && id.Length <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && id[0] != '.'
            ? id
            : throw new OptionsException($"--run-id '{id}' is not usable as a folder name: use letters, digits, '-', '_' and '.'.");
    }
}
