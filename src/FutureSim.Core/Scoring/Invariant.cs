using System.Globalization;

namespace FutureSim.Core.Scoring;

/// <summary>Culture-independent text for rendered outputs, so that the same numbers give the same bytes everywhere.</summary>
internal static class Invariant
{
    /// <summary>Fixed decimals; empty for null or non-finite values; never "-0.000".</summary>
    public static string Fixed(double? value, int decimals)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "";
        }

        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    /// <summary>Like <see cref="Fixed"/> with a leading + for positive values.</summary>
    public static string Signed(double? value, int decimals)
    {
        var text = Fixed(value, decimals);
        return text.Length > 0 && text[0] != '-' && Math.Round(value!.Value, decimals, MidpointRounding.AwayFromZero) != 0 ? "+" + text : text;
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An RFC 4180 field: quoted when it holds a comma, quote or line break.</summary>
    public static string CsvField(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
