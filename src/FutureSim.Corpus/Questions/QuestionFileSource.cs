namespace FutureSim.Corpus.Questions;

/// <summary>A question file to load, with its format, or null to detect it from the file.</summary>
public sealed record QuestionFileSource(string Path, QuestionFileFormat? Format = null);
