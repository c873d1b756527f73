using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Corpus.Questions;

namespace FutureSim.Interop.Native;

/// <summary>Loads a FutureSim question file (CSV, JSON Lines or JSON through the question loader) with FutureSim's column aliases.</summary>
internal static class QuestionFiles
{
    public static ImmutableArray<Question> Load(string file, QuestionLoadOptions options) =>
        QuestionSetLoader.Load(file, null, options).Questions;
}
