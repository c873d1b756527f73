using FsCheck.Xunit;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Text;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>
/// Pruning (MaxScore, with the bar shared by the groups of segments searched in parallel) skips documents that cannot
/// reach the k-th best score: it must never change which documents are the top k, their order or their scores,
/// compared with scoring every visible match.
/// </summary>
[Collection(BundledCorpusCollection.Name)]
public sealed class PointInTimeSearchTests(BundledCorpusFixture fixture)
{
    private static string[]? vocabulary;

    /// <summary>The bundled corpus's 400 most frequent terms and 400 others.</summary>
    private string[] Vocabulary => vocabulary ??= BuildVocabulary();

    [Property(MaxTest = 250)]
    public void PrunedSearchReturnsExactlyTheTopKOfScoringEveryVisibleMatch(uint instant, int wordSeed, byte k, sbyte fromDays, sbyte toDays, bool withDates, bool parallel)
    {
        var snapshot = fixture.Corpus.Snapshot;
        var span = fixture.Last - fixture.First;
        var asOf = fixture.First.Add(span * (instant / (double)uint.MaxValue)).UtcTicks;
        var random = new Random(wordSeed);
        var terms = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList();
        var (from, to) = withDates ? (asOf + (TimeSpan.TicksPerDay * fromDays), asOf + (TimeSpan.TicksPerDay * Math.Min(toDays, (sbyte)0))) : (long.MinValue, asOf);
        var top = 1 + (k % 60);
        var parallelFrom = parallel ? 0 : long.MaxValue;

        var pruned = new PointInTimeSearch(snapshot, asOf, parallelFrom).Search(terms, from, to, top);
        var everything = new PointInTimeSearch(snapshot, asOf, parallelFrom, prune: false).Search(terms, from, to, top);

        Assert.Equal(Describe(everything), Describe(pruned));
    }

    private static string[] Describe(TopHits.Hit[] hits) =>
        [.. hits.Select(h => $"{h.IdHash}/{h.Chunk}/{BitConverter.SingleToInt32Bits(h.Score)}")];

    private string[] BuildVocabulary()
    {
        var buffer = new TokenBuffer();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in fixture.Articles)
        {
            buffer.Clear();
            NewsTokenizer.Analyze(article.Title + " " + article.Body, buffer);
            foreach (var term in buffer.ToStrings().Distinct(StringComparer.Ordinal))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        var ranked = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();
        return [.. ranked.Take(400), .. ranked.Skip(400).Where((_, i) => i % 25 == 0).Take(400)];
    }
}
