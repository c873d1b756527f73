using FutureSim.Core.Articles;
using FutureSim.Corpus.Text;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// Writes a reproducible benchmark query set from a corpus: each query is 2–5 distinct content words
/// (three letters or more, not numbers, not function words) taken from one article picked uniformly at
/// random, so words are drawn from the corpus vocabulary in proportion to their use; its cutoff is an
/// instant (whole seconds) drawn uniformly between the first and last visibility instants of the corpus.
/// The same articles, count and seed always give the same queries.
/// </summary>
public static class RetrievalQueryGenerator
{
    /// <summary>The seed of the committed <c>corpora/benchmark/retrieval-queries.jsonl</c>.</summary>
    public const int DefaultSeed = 20_260_101;

    /// <summary>
    /// <paramref name="count"/> queries asking for <paramref name="top"/> hits each, drawn from
    /// <paramref name="articles"/> (streamed once; only the sampled articles' words are kept).
    /// </summary>
    /// <exception cref="ArgumentException">No article has two content words.</exception>
    public static IReadOnlyList<RetrievalQuery> Generate(IEnumerable<Article> articles, int count = 500, int top = 10, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var sample = new List<string[]>(count);
        var seen = 0L;
        var first = DateTimeOffset.MaxValue;
        var last = DateTimeOffset.MinValue;
        var terms = new TokenBuffer();
        foreach (var article in articles)
        {
            first = article.VisibleAt < first ? article.VisibleAt : first;
            last = article.VisibleAt > last ? article.VisibleAt : last;
            seen++;

            // Reservoir sampling keeps every article equally likely without holding the corpus.
            var slot = seen <= count ? sample.Count : random.NextInt64(seen);
            if (slot >= count)
            {
                continue;
            }

            terms.Clear();
            NewsTokenizer.Analyze(article.Title + "\n" + article.Body, terms, stem: false);
            var words = terms.ToStrings().Where(IsContentWord).Distinct(StringComparer.Ordinal).ToArray();
            if (slot == sample.Count)
            {
                sample.Add(words);
            }
            else
            {
                sample[(int)slot] = words;
            }
        }

        var usable = sample.Where(words => words.Length >= 2).ToList();
        if (usable.Count == 0)
        {
            throw new ArgumentException("The corpus has no article with two content words to draw queries from.", nameof(articles));
        }

        var queries = new List<RetrievalQuery>(count);
        var span = (last - first).Ticks / TimeSpan.TicksPerSecond;
        for (var i = 0; i < count; i++)
        {
            var words = usable[i % usable.Count];
            var take = Math.Min(random.Next(2, 6), words.Length);
            var query = string.Join(' ', words.OrderBy(_ => random.Next()).Take(take));
            var asOf = first.UtcTicks - (first.UtcTicks % TimeSpan.TicksPerSecond) + (random.NextInt64(span + 1) * TimeSpan.TicksPerSecond);
            queries.Add(new RetrievalQuery(query, new DateTimeOffset(asOf, TimeSpan.Zero), top));
        }

        return queries;
    }

    private static bool IsContentWord(string word) => word.Length >= 3 && !word.All(char.IsAsciiDigit);
}
