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
        var runsRoot = project.Resolve(request.RunsRoot ?? options.RunsDirectory);
        _ = matching.Matcher; // a bad Judge section fails before any run folder is written
        if (request.Resume is { } resume)
        {
            return await ResumeAsync(runsRoot, resume, request, cancellationToken);
        }

        RunFolder folder;
        ITimeGatedCorpus? opened = null;
        if (request.Replay is { } replay)
        {
            var source = RunFolder.Open(Path.Combine(runsRoot, replay));
            var manifest = source.ReadManifest() with { RunId = RequestedRunId(request, runsRoot), Status = RunStatus.Running, ReplayOf = replay, Failure = null };
            manifest = manifest with
            {
                Agents = CheckAgents(manifest.Agents.Select(a => new ConfiguredAgent(a, source.ManifestPath)), request, Path.Combine(runsRoot, manifest.RunId), source.Root),
            };
            folder = Create(runsRoot, manifest, source.ReadQuestions(), request.RunId is null);
            logger.LogInformation("Replaying run {Source} from its recorded model calls as {RunId}", replay, folder.ReadManifest().RunId);
        }
        else
        {
            (folder, opened) = await CreateFromConfigurationAsync(request, options, runsRoot, cancellationToken);
        }

        using var writing = RunFolderLock.Adopt(folder.Root);
        using (opened)
        {
            await ExecuteAsync(folder, runsRoot, request, opened, cancellationToken);
        }

        return folder;
    }

    /// <summary>Continues a run from its last completed day, as the only writer of its folder.</summary>
    private async Task<RunFolder> ResumeAsync(string runsRoot, string resume, RunRequest request, CancellationToken cancellationToken)
    {
        var folder = RunFolder.Open(Path.Combine(runsRoot, resume));
        using var writing = RunFolderLock.Acquire(folder.Root, request.KeepStandardOutputFree ? "mcp --resume" : "run --resume");
        var manifest = folder.ReadManifest();
        if (manifest.Status == RunStatus.Failed)
        {
            throw new OptionsException($"Run {resume} stopped on a harness failure and cannot be resumed ({manifest.Failure}). Start a new run.");
        }

        var replayFrom = manifest.ReplayOf is { } source ? Path.Combine(runsRoot, source) : null;
        CheckAgents(manifest.Agents.Select(a => new ConfiguredAgent(a, folder.ManifestPath)), request, folder.Root, replayFrom);
        runLog.Open(folder.File(RunFolderLayout.Log));
        logger.LogInformation("Resuming run {RunId} from {Folder}", resume, folder.Root);
        await ExecuteAsync(folder, runsRoot, request, null, cancellationToken);
        return folder;
    }

    /// <summary>
    /// Checks everything — agents, questions, corpus, window — and only then creates the run folder (held by this
    /// process); returns it with the corpus it opened, for the run to use.
    /// </summary>
    private async Task<(RunFolder Folder, ITimeGatedCorpus Corpus)> CreateFromConfigurationAsync(RunRequest request, SimulationOptions options, string runsRoot, CancellationToken cancellationToken)
    {
        var settings = request.Simulation ?? options.ToSettings();
        var runId = RequestedRunId(request, runsRoot);
        var configured = CheckAgents(
            request.AgentSpecs is { } given ? [.. given.Select(spec => new ConfiguredAgent(spec, "(given)"))]
            : request.ProvidedAgents.Count > 0 && request.Agents is not { Count: > 0 } ? []
            : ConfiguredAgents.Select(ConfiguredAgents.Read(project.Files), request.Agents),
            request,
            Path.Combine(runsRoot, runId),
            null);

        var agents = configured.AddRange(request.ProvidedAgents.Select(p => p.Spec));
        if (agents.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != agents.Length)
        {
            throw new OptionsException($"Agent names must be unique in a run: {string.Join(", ", agents.Select(a => a.Name))}.");
        }

        var (questions, sets, span) = questionLoader.Load(request.QuestionSets ?? options.QuestionSets, settings, options.SkipInvalid);
        var corpusFiles = request.Corpus ?? corpusOptions.Value.Files;
        var corpus = await corpora.OpenAsync(corpusFiles, request.Visibility ?? corpusOptions.Value.Visibility, cancellationToken);
        try
        {
            if (!request.AllowAnyWindow)
            {
                RunWindow.Check(settings, CorpusCoverage.Of(corpus), span);
            }

            var manifest = new RunManifest
            {
                RunId = runId,
                Status = RunStatus.Running,
                Simulation = settings,
                Corpus = corpus.Identity,
                CorpusFiles = [.. corpusFiles],
                QuestionSets = sets,
                Agents = agents,
            };
            return (Create(runsRoot, manifest, questions, request.RunId is null), corpus);
        }
        catch
        {
            corpus.Dispose();
            throw;
        }
    }

    /// <summary>Creates the run folder, held by this process; a default id that happens to be taken is drawn again.</summary>
    private RunFolder Create(string runsRoot, RunManifest manifest, ImmutableArray<Question> questions, bool defaultId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var folder = RunFolder.Create(Path.Combine(runsRoot, manifest.RunId), manifest, questions, lockedFor: "run");
                runLog.Open(folder.File(RunFolderLayout.Log));
                logger.LogInformation(
                    "Run {RunId}: {Days} days from {First:yyyy-MM-dd} to {End:yyyy-MM-dd}, {Questions} questions, agents {Agents}, folder {Folder}",
                    manifest.RunId, manifest.Simulation.Days().Count(), manifest.Simulation.FirstDay, manifest.Simulation.End, questions.Length,
                    string.Join(", ", manifest.Agents.Select(a => a.Name)), folder.Root);
                return folder;
            }
            catch (RunFolderExistsException) when (defaultId && attempt < 5)
            {
                manifest = manifest with { RunId = RunIds.New(timeProvider) };
            }
        }
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
                throw new OptionsException(Message(e));
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
                if (!request.KeepStandardOutputFree && request.LeaderboardFormat == TerminalLeaderboard.Format)
                {
                    await Console.Out.WriteAsync(TerminalLeaderboard.Render(board, folder.Root, [folder.Root]));
                }
                else
                {
                    await (request.KeepStandardOutputFree ? Console.Error : Console.Out).WriteAsync(RunReports.Render(board, "md"));
                }
            }

            logger.LogInformation("Leaderboard printed {Elapsed:0.00} s after the run", timeProvider.GetElapsedTime(scoring).TotalSeconds);
        }, cancellationToken);
        logger.LogInformation("Scored in {Elapsed:0.00} s; leaderboard, daily metrics and charts written to {Folder}", timeProvider.GetElapsedTime(scoring).TotalSeconds, folder.Root);
    }

    /// <summary>The message of an agent factory's <see cref="ArgumentException"/>, without the parameter name .NET appends.</summary>
    private static string Message(ArgumentException e) =>
        e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;

    /// <summary>
    /// Fails early, before any run folder is made or changed (and before a resumed run goes on), for an agent with an
    /// unsafe name, an unknown kind, bad or unknown settings, an unset API key variable, a missing recording or a
    /// sandbox that cannot be built here; the message names the file the agent comes from. Returns the specs as the
    /// manifest records them (a CLI agent's <c>Sandbox</c> written out). Agents the caller provides in-process are
    /// theirs to check.
    /// </summary>
    private ImmutableArray<AgentSpec> CheckAgents(IEnumerable<ConfiguredAgent> agents, RunRequest request, string runDirectory, string? replayFrom)
    {
        var checkedSpecs = ImmutableArray.CreateBuilder<AgentSpec>();
        foreach (var (spec, file) in agents)
        {
            if (!AgentFolders.IsValidName(spec.Name))
            {
                throw new OptionsException($"{file}: agent name '{spec.Name}' cannot name the agent's folder: {AgentFolders.NameRule}.");
            }

            if (request.ProvidedAgents.Any(p => p.Spec.Name == spec.Name))
            {
                checkedSpecs.Add(spec);
                continue;
            }

            try
            {
                if (spec.Kind == CliHarnessAgentFactory.Kind)
                {
                    checkedSpecs.Add(CliHarnessAgentFactory.Validate(spec, SandboxPaths(request, [])));
                }
                else
                {
                    FactoryFor(spec, null).Validate(spec, new AgentEnvironment(RunFolderLayout.AgentDirectory(runDirectory, spec.Name), timeProvider, replayFrom));
                    checkedSpecs.Add(spec);
                }
            }
            catch (ArgumentException e)
            {
                throw new OptionsException($"{file}: {Message(e)}");
            }
        }

        return checkedSpecs.ToImmutable();
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

    /// <summary>Fails early for an agent a sweep file names, as a run's <see cref="CheckAgents"/> does before its folder exists.</summary>
    public void Validate(AgentSpec spec, string file) =>
        CheckAgents([new ConfiguredAgent(spec, file)], new RunRequest(), Path.Combine(project.Resolve(simulationOptions.Value.RunsDirectory), "(sweep)"), null);

    private IAgentFactory FactoryFor(AgentSpec spec, IAgentFactory? runScoped)
    {
        var all = runScoped is null ? factories : factories.Append(runScoped);
        return all.FirstOrDefault(f => f.Kinds.Contains(spec.Kind))
            ?? throw new OptionsException(
                $"Agent '{spec.Name}' has unknown Kind '{spec.Kind}'. Known kinds: {string.Join(", ", factories.SelectMany(f => f.Kinds).Append(CliHarnessAgentFactory.Kind).Order(StringComparer.Ordinal))}.");
    }

    /// <summary>The id asked for with <c>--run-id</c> (checked: usable and not taken), or a new default one.</summary>
    private string RequestedRunId(RunRequest request, string runsRoot)
    {
        if (request.RunId is not { } id)
        {
            return RunIds.New(timeProvider);
        }

        if (!RunIds.IsValid(id))
        {
            throw new OptionsException($"--run-id '{id}' is not usable as a folder name: {RunIds.Rule}.");
        }

        RunFolder.EnsureAbsent(Path.Combine(runsRoot, id));
        return id;
    }
}
