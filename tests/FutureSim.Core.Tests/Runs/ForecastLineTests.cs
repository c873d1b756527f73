using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Tests.Runs;

public sealed class ForecastLineTests
{
    [Property]
    public bool AForecastLineReadsAsTheSerializerReadsIt(string[] names, int[] raw, string agent, bool escapeQuestion)
    {
        var outcomes = (names ?? []).Where(n => n is not null).Distinct(StringComparer.Ordinal).Take(5)
            .Select((n, i) => KeyValuePair.Create(n, (raw is { Length: > 0 } ? Math.Abs((long)raw[i % raw.Length]) % 1001 : 0) / 1000.0))
            .ToImmutableSortedDictionary(StringComparer.Ordinal);
        var written = new ForecastSubmitted
        {
            Day = new DateOnly(2026, 1, 2), Agent = agent ?? "a", QuestionId = new QuestionId(escapeQuestion ? "q\"1" : "q1"), Outcomes = outcomes,
        };
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize<RunEvent>(written, RunFormat.Json));

        var expected = (ForecastSubmitted)JsonSerializer.Deserialize<RunEvent>(line, RunFormat.Json)!;
        return ForecastLine.TryRead(line, [], out var read)
            && read.V == expected.V && read.Day == expected.Day && read.Agent == expected.Agent && read.QuestionId == expected.QuestionId
            && read.Outcomes.SequenceEqual(expected.Outcomes);
    }

    [Theory]
    [InlineData("""{"v":1,"type":"forecast","day":"2026-01-02","agent":"a","question_id":"q","outcomes":{"x":"NaN"}}""")]
    [InlineData("""{"v":1,"type":"forecast","day":"2026-01-02","agent":"a","question_id":"q","outcomes":{"x":0.1,"x":0.2}}""")]
    [InlineData("""{"v":1,"type":"forecast","day":"2026-01-02","agent":"a","question_id":"q","outcomes":{},"extra":1}""")]
    [InlineData("""{"v":1,"type":"refusal","day":"2026-01-02","agent":"a","question_id":"q","reason":"r"}""")]
    public void AnythingButAPlainForecastIsLeftToTheSerializer(string line) =>
        Assert.False(ForecastLine.TryRead(Encoding.UTF8.GetBytes(line), [], out _));
}
