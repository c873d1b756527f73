using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Simulation;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// The agent's date-gated <c>articles/YYYY/MM/DD/articles.jsonl</c> tree, in FutureSim's record shape
/// (<c>id, title, source, date, date_publish, url, content</c>; <c>date</c> is the UTC day the article became
/// visible). Each day adds the files of the days that arrived since the last refresh, read from the corpus view
/// bound to the day, so no file ever holds an article visible after it. Rewriting a day's file whole makes a
/// refresh repeatable after a crash.
/// </summary>
internal sealed class ArticleTree(string root, string stateFile)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Lays out what arrived up to <paramref name="view"/>'s instant; <paramref name="historyDays"/> days before the first refresh (null: everything).</summary>
    public int Refresh(ICorpusView view, int? historyDays)
    {
        var today = SimulatedTime.DayOf(view.AsOf);
        var through = ReadState();
        if (through >= today)
        {
            return 0;
        }

        var after = through is { } last ? SimulatedTime.EndOf(last)
            : historyDays is { } days ? SimulatedTime.EndOf(today.AddDays(-days - 1))
            : DateTimeOffset.MinValue;
        var written = 0;
        DateOnly? day = null;
        var batch = new List<Article>();
        foreach (var article in view.ArrivedSince(after))
        {
            if (article.VisibleAt > view.AsOf || article.VisibleAt <= after)
            {
                throw new VisibilityBreachException(
                    $"The corpus listed article {article.Id} (visible at {article.VisibleAt:O}) as arriving in ({after:O}, {view.AsOf:O}].");
            }

            var arrived = SimulatedTime.DayOf(article.VisibleAt);
            if (day != arrived && batch.Count > 0)
            {
                written += WriteDay(day!.Value, batch);
            }

            day = arrived;
            batch.Add(article);
        }

        if (batch.Count > 0)
        {
            written += WriteDay(day!.Value, batch);
        }

        File.WriteAllText(stateFile, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return written;
    }

    public static string RelativePath(DateOnly day) =>
        Path.Combine(day.ToString("yyyy", CultureInfo.InvariantCulture), day.ToString("MM", CultureInfo.InvariantCulture), day.ToString("dd", CultureInfo.InvariantCulture), "articles.jsonl");

    private int WriteDay(DateOnly day, List<Article> articles)
    {
        ReadOnlyFile.Write(Path.Combine(root, RelativePath(day)), stream =>
        {
            foreach (var article in articles)
            {
                JsonSerializer.Serialize(stream, new
                {
                    id = article.Id.Value,
                    title = article.Title,
                    source = article.Source,
                    date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    date_publish = article.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    url = article.Url,
                    content = article.Body,
                }, Json);
                stream.WriteByte((byte)'\n');
            }
        });
        var count = articles.Count;
        articles.Clear();
        return count;
    }

    private DateOnly? ReadState() =>
        File.Exists(stateFile) && DateOnly.TryParseExact(File.ReadAllText(stateFile).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
