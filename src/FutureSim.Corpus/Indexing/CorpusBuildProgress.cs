namespace FutureSim.Corpus.Indexing;

/// <summary>Progress of an index build: the file being read (1-based of <paramref name="FileCount"/>) and the articles added so far.</summary>
public sealed record CorpusBuildProgress(string File, int FileNumber, int FileCount, int DocumentsAdded);
