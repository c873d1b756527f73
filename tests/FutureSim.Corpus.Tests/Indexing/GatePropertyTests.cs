using FsCheck;
using FsCheck.Xunit;
using FutureSim.Core.Articles;

namespace FutureSim.Corpus.Tests.Indexing;

[Collection(BundledCorpusCollection.Name)]
public sealed class GatePropertyTests(BundledCorpusFixture fixture)
{
    private static readonly string[] Words =
        ["gaza", "ceasefire", "election", "president", "trump", "court", "killed", "earthquake", "pope", "*", "id:", "visible:[* TO *]", "\"", "/.*/"];

    [Property(MaxTest = 300)]
    public void NoHitOrFetchIsEverVisibleAfterTheInstantInAnyMode(uint instant, string? noise, byte k, int wordSeed, int idSeed, sbyte fromDays, sbyte toDays, bool withDates, byte mode)
    {
        var span = (fixture.Last - fixture.First).Add(TimeSpan.FromDays(20));
        var asOf = fixture.First.AddDays(-10).Add(span * (instant / (double)uint.MaxValue));
        var random = new Random(wordSeed);
        var text = string.Join(' ', Enumerable.Range(0, random.Next(0, 5)).Select(_ => Words[random.Next(Words.Length)])) + " " + noise;
        var today = DateOnly.FromDateTime(asOf.UtcDateTime);
        var query = new NewsQuery
        {
            Text = text,
            MaxResults = 1 + (k % 40),
            FromDate = withDates ? today.AddDays(fromDays) : null,
            ToDate = withDates ? today.AddDays(toDays) : null,
            Mode = (SearchMode)(mode % 3),
        };
        var view = fixture.Corpus.At(asOf);

        var result = view.Search(query);
        var probe = fixture.Articles[(int)((uint)idSeed % fixture.Articles.Count)];
        var found = view.Find(probe.Id);

        Assert.All(result.Hits, hit => Assert.True(hit.Article.VisibleAt <= asOf, $"{hit.Article.Id} at {hit.Article.VisibleAt:O} leaked into {asOf:O}"));
        Assert.True(result.Hits.Length <= query.MaxResults);
        Assert.Equal(probe.VisibleAt <= asOf, found is not null);
        Assert.True(found is null || found.Id == probe.Id);
    }
}
