using System.Collections.Concurrent;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;

namespace FutureSim.Viewer.Articles;

/// <summary>
/// Opens each corpus that runs name once (by fingerprint and policy) and hands out <see cref="ArticleShelf"/>s.
/// A corpus whose fingerprint differs from the run's manifest is not used: its articles could differ from
/// those the agents saw. Thread-safe.
/// </summary>
public sealed class ArticleLibrary(CorpusSource? opener) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(ITimeGatedCorpus? Corpus, string? Problem)>>> _corpora = new(StringComparer.Ordinal);

    /// <summary>The run's articles, opening its corpus on first use.</summary>
    public async Task<ArticleShelf> GetAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        var (corpus, problem) = await Open(manifest, cancellationToken).ConfigureAwait(false);
        return Shelf(manifest, corpus, problem);
    }

    /// <summary>The run's articles if its corpus is already open (or failed to open), else null; never waits.</summary>
    public ArticleShelf? TryGet(RunManifest manifest)
    {
        var task = Open(manifest, CancellationToken.None);
        return task.IsCompletedSuccessfully ? Shelf(manifest, task.Result.Corpus, task.Result.Problem) : null;
    }

    public void Dispose()
    {
        foreach (var entry in _corpora.Values.Where(e => e.IsValueCreated && e.Value.IsCompletedSuccessfully))
        {
            entry.Value.Result.Corpus?.Dispose();
        }
    }

    private Task<(ITimeGatedCorpus? Corpus, string? Problem)> Open(RunManifest manifest, CancellationToken cancellationToken)
    {
        var key = manifest.Corpus.Fingerprint + "\n" + manifest.Corpus.Policy;
        return _corpora.GetOrAdd(key, _ => new Lazy<Task<(ITimeGatedCorpus?, string?)>>(() => Task.Run(async () =>
        {
            if (opener is null)
            {
                return ((ITimeGatedCorpus?)null, (string?)"No corpus is configured for the viewer, so only article ids are shown.");
            }

            if (manifest.CorpusFiles.IsDefaultOrEmpty)
            {
                // An imported run (FutureSim's published traces) names no corpus files: there is nothing to open.
                return (null, "The run names no corpus files (an imported run carries none), so only article ids are shown.");
            }

            try
            {
                return (await opener(manifest, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception e) when (e is InvalidInputException or IOException or ArgumentException or UnauthorizedAccessException)
            {
                return (null, $"The run's corpus could not be opened: {e.Message}");
            }
        }, CancellationToken.None))).Value;
    }

    private static ArticleShelf Shelf(RunManifest manifest, ITimeGatedCorpus? corpus, string? problem)
    {
        if (corpus is null)
        {
            return new ArticleShelf(null, problem);
        }

        return corpus.Identity.Fingerprint == manifest.Corpus.Fingerprint
            ? new ArticleShelf(corpus.At(DateTimeOffset.MaxValue), null)
            : new ArticleShelf(null, $"The corpus has changed since the run (fingerprint {manifest.Corpus.Fingerprint} in the manifest, {corpus.Identity.Fingerprint} now); restore the files the manifest lists to see the articles.");
    }
}
