using System.Collections.Immutable;

namespace FutureSim.Interop.Questions;

/// <summary>The question set recovered from the traces, what could not be recovered, and the id of each printed title.</summary>
internal sealed record RecoveredQuestionSet(
    ImmutableArray<RecoveredQuestion> Questions, ImmutableArray<string> Problems, ImmutableSortedDictionary<string, string> IdOfTitle);
