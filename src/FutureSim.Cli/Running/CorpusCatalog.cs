using FutureSim.Cli.Configuration;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Running;

/// <summary>Opens the configured corpus through its on-disk index, building or extending the index when the corpus files or the policy changed.</summary>
internal sealed class CorpusCatalog(ProjectSettings project, IOptions<CorpusOptions> options, ILogger<CorpusCatalog> logger)
{
    public Task<ITimeGatedCorpus> OpenAsync(IReadOnlyList<string> files, VisibilityPolicy policy, CancellationToken cancellationToken)
    {
        var handling = options.Value.SkipInvalid ? InvalidRecordHandling.Skip : InvalidRecordHandling.Fail;
        var paths = files.Select(project.Resolve).ToArray();
        var opened = LuceneCorpus.OpenOrBuild(project.Resolve(options.Value.IndexDirectory), paths, policy, handling, progress: null, logger, cancellationToken);
        return Task.FromResult<ITimeGatedCorpus>(opened.Corpus);
    }
}
