namespace FutureSim.Core.Articles;

/// <summary>What an index was built from: a fingerprint over its source files and the visibility policy.</summary>
public sealed record CorpusIdentity(string Fingerprint, VisibilityPolicy Policy, int DocumentCount);
