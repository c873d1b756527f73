namespace FutureSim.Corpus.Loading;

/// <summary>One JSON Lines file (plain or gzip) of a corpus and the format its records follow.</summary>
public sealed record CorpusFile(string Path, CorpusFormat Format);
