namespace FutureSim.Corpus.Questions;

/// <summary>A problem with one record, raised while mapping it and turned into a <see cref="FutureSim.Core.Input.RecordError"/> by the loader.</summary>
internal sealed class RecordProblemException(string problem) : Exception(problem);
