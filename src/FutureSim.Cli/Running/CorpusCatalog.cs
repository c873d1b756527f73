using FutureSim.Cli.Configuration;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace FutureSim.Cli.Running;

/// <summary>Opens the configured corpus through its on-disk index, building or extending the index (with progress) when the corpus files or the policy changed.</summary>
internal sealed class CorpusCatalog(ProjectSettings project, IOptions<CorpusOptions> options, ILogger<CorpusCatalog> logger)
{
    public Task<ITimeGatedCorpus> OpenAsync(IReadOnlyList<string> files, VisibilityPolicy policy, CancellationToken cancellationToken) =>
        Task.FromResult<ITimeGatedCorpus>(Open(files, policy, cancellationToken).Corpus);

    public CorpusOpenResult Open(IReadOnlyList<string> files, VisibilityPolicy policy, CancellationToken cancellationToken)
    {
        var handling = options.Value.SkipInvalid ? InvalidRecordHandling.Skip : InvalidRecordHandling.Fail;
        var paths = files.Select(project.Resolve).ToArray();
        var indexDirectory = project.Resolve(options.Value.IndexDirectory);
        if (Console.IsErrorRedirected)
        {
            return LuceneCorpus.OpenOrBuild(indexDirectory, paths, policy, handling, progress: null, logger, cancellationToken);
        }

        CorpusOpenResult? result = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes, Ansi = AnsiSupport.Detect });
        console.Status().Start("Opening the corpus index", context =>
        {
            var progress = new Progress(p => context.Status($"Indexing {Path.GetFileName(p.File)} ({p.FileNumber}/{p.FileCount}): {p.DocumentsAdded:N0} articles"));
            result = LuceneCorpus.OpenOrBuild(indexDirectory, paths, policy, handling, progress, logger, cancellationToken);
        });
        return result!;
    }

    /// <summary>Reports on the building thread, so that the status line follows the build.</summary>
    private sealed class Progress(Action<CorpusBuildProgress> report) : IProgress<CorpusBuildProgress>
    {
        public void Report(CorpusBuildProgress value) => report(value);
    }
}
