namespace FutureSim.Core.Articles;

/// <summary>A searchable corpus that hands out views bound to an instant.</summary>
public interface ITimeGatedCorpus : IDisposable
{
    /// <summary>What the corpus is: its fingerprint and visibility policy, recorded in run manifests.</summary>
    CorpusIdentity Identity { get; }

    ICorpusView At(DateTimeOffset asOf);
}
