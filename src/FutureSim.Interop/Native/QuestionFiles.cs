using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Corpus.Questions;

namespace FutureSim.Interop.Native;

/// <summary>
/// Loads a FutureSim question file with FutureSim's column aliases: CSV, JSON Lines or JSON through the question
/// loader, and Parquet by converting its rows to JSON Lines first (an error then names the Parquet file and row).
/// </summary>
internal static class QuestionFiles
{
    public static ImmutableArray<Question> Load(string file, QuestionLoadOptions options)
    {
        if (!File.Exists(file))
        {
            throw new InvalidInputException(new RecordError(file, 0, "question file not found"), "Check the path.");
        }

        if (!ParquetQuestions.IsParquet(file))
        {
            return QuestionSetLoader.Load(file, null, options).Questions;
        }

        var temporary = Path.Combine(Path.GetTempPath(), $"futuresim-parquet-{Guid.NewGuid():N}.jsonl");
        try
        {
            ParquetQuestions.ConvertAsync(file, temporary, CancellationToken.None).GetAwaiter().GetResult();
            return QuestionSetLoader.Load(temporary, QuestionFileFormat.FutureSimJsonLines, options).Questions;
        }
        catch (InvalidInputException e) when (e.Error.File == temporary)
        {
            throw new InvalidInputException(new RecordError(file, 0, $"row {e.Error.Line}: {e.Error.Problem}"), QuestionSetLoader.SkipInvalidAdvice, e);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
