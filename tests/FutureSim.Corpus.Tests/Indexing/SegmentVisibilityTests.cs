using FutureSim.Core.Articles;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>
/// Each snapshot's segments keep their Lucene enumerators for reuse, reset by Lucene for each term and gate. A search
/// must answer exactly as with enumerators of its own, whatever terms, instants and date windows used them before.
/// </summary>
[Collection(BundledCorpusCollection.Name)]
public sealed class SegmentVisibilityTests(BundledCorpusFixture fixture)
{
    [Fact]
    public void SearchesAnswerAlikeWithNewEnumeratorsAndWithOnesOtherSearchesUsedBefore()
    {
        var queries = new[] { "gaza ceasefire", "election results president", "earthquake", "tariffs trade china", "killed" };
        var instants = Enumerable.Range(0, 4).Select(i => fixture.First.AddDays(15 + (i * 110))).ToArray();
        var work = (from q in queries
                    from t in instants
                    from dated in new[] { false, true }
                    let day = DateOnly.FromDateTime(t.UtcDateTime)
                    select (Query: new NewsQuery
                    {
                        Text = q,
                        MaxResults = 10,
                        FromDate = dated ? day.AddDays(-40) : null,
                        ToDate = dated ? day.AddDays(-10) : null,
                    }, AsOf: t)).ToArray();
        static string Answer(ITimeGatedCorpus corpus, NewsQuery query, DateTimeOffset asOf) =>
            string.Join(",", corpus.At(asOf).Search(query).Hits.Select(h => $"{h.Article.Id}:{h.Score:R}"));

        var alone = work.Select(w =>
        {
            var (corpus, _) = fixture.Open();
            using (corpus)
            {
                return Answer(corpus, w.Query, w.AsOf);
            }
        }).ToArray();
        foreach (var (query, asOf) in work.Reverse())
        {
            Answer(fixture.Corpus, query with { Text = query.Text + " week" }, asOf.AddDays(-60));
        }

        var afterOthers = work.Select(w => Answer(fixture.Corpus, w.Query, w.AsOf)).ToArray();

        Assert.All(alone, a => Assert.NotEqual(string.Empty, a));
        Assert.Equal(alone, afterOthers);
    }
}
