using FutureSim.Core.Input;

namespace FutureSim.Corpus.Questions;

/// <summary>How question files are loaded.</summary>
public sealed record QuestionLoadOptions
{
    /// <summary>Stop at the first bad record (the default) or skip bad records and return them in <see cref="QuestionSetLoadResult.Skipped"/>.</summary>
    public InvalidRecordHandling InvalidRecords { get; init; } = InvalidRecordHandling.Fail;

    /// <summary>
    /// The open instant of questions whose file gives none (FutureSim question files): normally the start of
    /// the simulation's first day. Loading such a file without it is an error. The bundled sets carry their own
    /// open dates and ignore it.
    /// </summary>
    public DateTimeOffset? DefaultOpensAt { get; init; }
}
