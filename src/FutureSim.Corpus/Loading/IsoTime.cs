using System.Globalization;

namespace FutureSim.Corpus.Loading;

/// <summary>Strict parsing of the dates and instants found in input files.</summary>
internal static class IsoTime
{
    /// <summary>A calendar date written YYYY-MM-DD.</summary>
    public static bool TryParseDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>An ISO-8601 date and time, e.g. 2025-09-05T15:28:06Z; without an offset it is taken as UTC. The result is in UTC.</summary>
    public static bool TryParseInstant(string value, out DateTimeOffset instant)
    {
        if (value.Length >= 11 && char.IsAsciiDigit(value[0]) && value[4] == '-' && DateTimeOffset.TryParse(
            value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            instant = instant.ToUniversalTime();
            return true;
        }

        instant = default;
        return false;
    }
}
