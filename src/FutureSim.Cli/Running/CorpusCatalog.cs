using FutureSim.Cli.Configuration;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
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
        // Wired to the Lucene index when the corpus layer lands on main (work in progress).
        _ = (paths, handling, logger, policy, cancellationToken);
        throw new NotSupportedException("The on-disk corpus index is not available in this build yet.");
    }
}
