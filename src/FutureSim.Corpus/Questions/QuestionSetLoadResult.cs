using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// One loaded question file: its set name, the path it was read from, the SHA-256 of its bytes as stored
/// (lower-case hex), the valid questions in file order, and the bad records skipped under
/// <see cref="InvalidRecordHandling.Skip"/> (always empty under <see cref="InvalidRecordHandling.Fail"/>).
/// </summary>
public sealed record QuestionSetLoadResult(
    string Name,
    string Path,
    string Sha256,
    ImmutableArray<Question> Questions,
    ImmutableArray<RecordError> Skipped);
