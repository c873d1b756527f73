namespace FutureSim.Corpus.Indexing;

/// <summary>What <see cref="LuceneCorpus.OpenOrBuild"/> had to do with the index on disk.</summary>
public enum CorpusBuildMode
{
    /// <summary>The index matched the corpus files, policy and schema and was opened as it was.</summary>
    Reused,

    /// <summary>Corpus files were added since the index was built; only they were indexed.</summary>
    Extended,

    /// <summary>The index was built from scratch: there was none, or it was stale, inconsistent or corrupt (see <see cref="CorpusBuildReport.Reason"/>).</summary>
    Rebuilt,
}
