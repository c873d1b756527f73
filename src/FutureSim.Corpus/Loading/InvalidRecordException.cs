namespace FutureSim.Corpus.Loading;

/// <summary>What is wrong with one record, before the file and line are attached.</summary>
internal sealed class InvalidRecordException(string problem) : Exception(problem);
