using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Loading;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// Writes a deterministic FutureSim-format articles file (<c>title</c>, <c>source</c>, <c>date</c>,
/// <c>content</c>, <c>id</c>) of any size over FutureSim's calendar: days from
/// <see cref="DenseSearchBenchmark.First"/> to <see cref="DenseSearchBenchmark.Last"/>, with
/// <see cref="DenseSearchBenchmark.LastWindowShare"/> of the articles in the last 88 days (FutureSim's 7.36 M
/// articles, 244 k arriving during the simulation), in date order. Titles and texts are resampled from real
/// news items (the bundled and benchmark news): an article is one item, or two, or — at CCNews-like length —
/// as many items as it takes to reach <see cref="CcNewsCharacters"/>. The same inputs and seed give the same bytes.
/// </summary>
public static class SyntheticNewsCorpus
{
    /// <summary>About the length of a CCNews article body.</summary>
    public const int CcNewsCharacters = 3000;

    private static readonly string[] Sources = ["Reuters", "AP", "BBC", "Al Jazeera", "The Guardian", "CNN", "NPR", "DW"];

    /// <summary>Writes <paramref name="articles"/> articles to <paramref name="path"/> and returns how many fall in the last 88 days.</summary>
    /// <param name="path">The file to write (replaced).</param>
    /// <param name="articles">How many articles.</param>
    /// <param name="ccNewsLength">True for bodies of about <see cref="CcNewsCharacters"/> characters; false for one or two items (1.5 on average).</param>
    /// <param name="sourcePaths">The news files whose items are resampled.</param>
    /// <param name="seed">Seeds every choice.</param>
    /// <param name="ct">Cancels the writing.</param>
    public static int Write(string path, int articles, bool ccNewsLength, IReadOnlyList<string> sourcePaths, int seed, CancellationToken ct)
    {
        var items = Items(sourcePaths);
        var random = new Random(seed);
        var days = Days(articles, random);
        var late = days.Count(d => d >= DenseSearchBenchmark.WindowStart.UtcTicks);
        var body = new StringBuilder();
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var i = 0; i < articles; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var first = items[random.Next(items.Count)];
            body.Clear().Append(first.Body);
            var extra = ccNewsLength ? int.MaxValue : random.Next(2);
            while (extra-- > 0 && (!ccNewsLength || body.Length < CcNewsCharacters))
            {
                body.Append("\n\n").Append(items[random.Next(items.Count)].Body);
            }

            json.WriteStartObject();
            json.WriteString("title", first.Title);
            json.WriteString("source", Sources[random.Next(Sources.Length)]);
            json.WriteString("date", new DateTime(days[i], DateTimeKind.Utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("content", body.ToString());
            json.WriteString("id", "syn-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }

        return late;
    }

    /// <summary>Each article's day (UTC ticks of its midnight), ascending.</summary>
    private static long[] Days(int articles, Random random)
    {
        var late = (int)Math.Round(articles * DenseSearchBenchmark.LastWindowShare);
        var days = new long[articles];
        for (var i = 0; i < articles; i++)
        {
            var (from, to) = i < articles - late
                ? (DenseSearchBenchmark.First, DenseSearchBenchmark.WindowStart)
                : (DenseSearchBenchmark.WindowStart, DenseSearchBenchmark.Last.AddDays(1));
            var day = (int)(random.NextDouble() * (to - from).TotalDays);
            days[i] = from.AddDays(day).UtcTicks;
        }

        Array.Sort(days);
        return days;
    }

    private static List<Article> Items(IReadOnlyList<string> sourcePaths)
    {
        var reader = new CorpusReader(VisibilityPolicy.Lenient, InvalidRecordHandling.Skip);
        var items = sourcePaths.SelectMany(CorpusFiles.Expand).SelectMany(reader.Read).ToList();
        return items.Count > 0 ? items : throw new InvalidOperationException("The source news files hold no items to resample.");
    }
}
