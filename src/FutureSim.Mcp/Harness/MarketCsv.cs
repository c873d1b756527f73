using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Tools;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// The agent's <c>market.csv</c> in FutureSim's columns, built from the agent's own market view (so it holds
/// exactly what <c>list_questions</c> shows: open questions with the agent's forecast, resolved ones with their
/// truth). RFC 4180 quoting, UTF-8, <c>\n</c> line ends.
/// </summary>
internal static class MarketCsv
{
    public static readonly ImmutableArray<string> Columns =
    [
        "qid", "title", "background", "resolution_criteria", "answer_type", "resolution_date", "is_resolved", "ground_truth",
        "market_aggregate", "num_predictions", "options", "my_prediction", "my_prediction_date",
    ];

    public static string Render(MarketView market)
    {
        var text = new StringBuilder();
        AppendRow(text, Columns);
        foreach (var q in market.Open)
        {
            AppendRow(text,
            [
                q.Id, q.Title, q.Background, q.ResolutionCriteria, q.AnswerType, Iso(q.ResolutionDate), "False", "",
                q.CrowdProbabilityYes?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", "",
                q.Options.IsDefaultOrEmpty ? "" : JsonSerializer.Serialize(q.Options), Json(q.MyForecast), q.MyForecastDate is { } d ? Iso(d) : "",
            ]);
        }

        foreach (var q in market.Resolved)
        {
            AppendRow(text, [q.Id, q.Title, "", "", q.Kind, Iso(q.ResolutionDate), "True", q.Truth, "", "", "", Json(q.MyForecast), ""]);
        }

        return text.ToString();
    }

    private static string Json(ImmutableSortedDictionary<string, double>? outcomes) =>
        outcomes is null ? "" : JsonSerializer.Serialize(outcomes);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(cell);
            }
        }

        text.Append('\n');
    }
}
