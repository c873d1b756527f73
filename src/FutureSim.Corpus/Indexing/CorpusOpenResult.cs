namespace FutureSim.Corpus.Indexing;

/// <summary>An open corpus (the caller disposes it) and the report of how it was opened.</summary>
public sealed record CorpusOpenResult(LuceneCorpus Corpus, CorpusBuildReport Report);
