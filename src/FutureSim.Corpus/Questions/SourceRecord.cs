using System.Text.Json;

namespace FutureSim.Corpus.Questions;

/// <summary>One record of a question file: the line it starts on and its fields as a JSON object, or the reason it could not be read.</summary>
internal readonly record struct SourceRecord(long Line, JsonElement Fields, string? Problem)
{
    public static SourceRecord Bad(long line, string problem) => new(line, default, problem);
}
