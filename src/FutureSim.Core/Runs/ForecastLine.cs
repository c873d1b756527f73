using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Runs;

/// <summary>
/// A <c>forecast</c> event line read directly, without the serializer's polymorphic path: forecasts are most of the
/// events scoring reads. Anything but a plain, well-formed forecast (another type, an unknown or repeated field, a
/// non-numeric probability, a repeated outcome) is left to the serializer, which decides and reports as always.
/// </summary>
internal static class ForecastLine
{
    /// <summary>Reads a forecast line; <paramref name="strings"/> shares the agent names, days, ids and outcome names of a log's lines.</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, Dictionary<int, string> strings, [NotNullWhen(true)] out ForecastSubmitted? forecast)
    {
        forecast = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            int? version = null;
            string? type = null, day = null, agent = null, question = null;
            ImmutableSortedDictionary<string, double>.Builder? outcomes = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("v"u8) && version is null)
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number))
                    {
                        return false;
                    }

                    version = number;
                }
                else if (reader.ValueTextEquals("type"u8) && type is null)
                {
                    type = String(ref reader, strings);
                    if (type != "forecast")
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("day"u8) && day is null)
                {
                    day = String(ref reader, strings);
                }
                else if (reader.ValueTextEquals("agent"u8) && agent is null)
                {
                    agent = String(ref reader, strings);
                }
                else if (reader.ValueTextEquals("question_id"u8) && question is null)
                {
                    question = String(ref reader, strings);
                }
                else if (reader.ValueTextEquals("outcomes"u8) && outcomes is null)
                {
                    outcomes = Outcomes(ref reader, strings);
                    if (outcomes is null)
                    {
                        return false;
                    }
                }
                else
                {
                    return false;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()
                || version is null || type is null || agent is null || question is null || outcomes is null
                || !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return false;
            }

            forecast = new ForecastSubmitted { V = version.Value, Day = parsed, Agent = agent, QuestionId = new QuestionId(question), Outcomes = outcomes.ToImmutable() };
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? String(ref Utf8JsonReader reader, Dictionary<int, string> strings) =>
        reader.Read() && reader.TokenType == JsonTokenType.String ? Shared(ref reader, strings) : null;

    /// <summary>The current string or property name, the same instance each time the same text comes again (a log repeats few distinct strings).</summary>
    private static string Shared(ref Utf8JsonReader reader, Dictionary<int, string> strings)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        var hash = Fnv1a(reader.ValueSpan);
        if (strings.TryGetValue(hash, out var known) && reader.ValueTextEquals(known))
        {
            return known;
        }

        var text = reader.GetString()!;
        strings[hash] = text;
        return text;
    }

    private static int Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return unchecked((int)hash);
    }

    private static ImmutableSortedDictionary<string, double>.Builder? Outcomes(ref Utf8JsonReader reader, Dictionary<int, string> strings)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var outcomes = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Shared(ref reader, strings);
            if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var p) || !outcomes.TryAdd(name, p))
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? outcomes : null;
    }
}
