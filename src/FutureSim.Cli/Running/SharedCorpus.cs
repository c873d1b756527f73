using FutureSim.Core.Articles;

namespace FutureSim.Cli.Running;

/// <summary>One open corpus handed out as leases: it is closed when the last lease is disposed.</summary>
internal sealed class SharedCorpus(ITimeGatedCorpus corpus, Action closed)
{
    private int leases;

    private ITimeGatedCorpus Corpus { get; } = corpus;

    public ITimeGatedCorpus Lease()
    {
        Interlocked.Increment(ref leases);
        return new CorpusLease(this);
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref leases) == 0)
        {
            closed();
            Corpus.Dispose();
        }
    }

    /// <summary>One lease: the corpus stays open until every lease is disposed.</summary>
    public sealed class CorpusLease(SharedCorpus shared) : ITimeGatedCorpus
    {
        private int disposed;

        /// <summary>Another lease of the same corpus.</summary>
        public ITimeGatedCorpus Again() => shared.Lease();

        public CorpusIdentity Identity => shared.Corpus.Identity;

        public ICorpusView At(DateTimeOffset asOf)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            return shared.Corpus.At(asOf);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                shared.Release();
            }
        }
    }
}
