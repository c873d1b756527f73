using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Tests.Semantic;

public sealed class ReciprocalRankFusionTests
{
    private static TopHits.Hit Doc(long id, int chunk = 0) => new(0f, id, 0, chunk);

    [Fact]
    public void FusedScoresAreTheSumsOfOneOverSixtyPlusRank()
    {
        // Semantic: a b c; keyword: c a d. a = 1/61 + 1/62, c = 1/63 + 1/61, b = 1/62, d = 1/63.
        var fused = ReciprocalRankFusion.Fuse([[Doc(1), Doc(2), Doc(3)], [Doc(3), Doc(1), Doc(4)]], k: 10);

        Assert.Equal([1L, 3L, 2L, 4L], fused.Select(h => h.IdHash));
        Assert.Equal((float)((1.0 / 61) + (1.0 / 62)), fused[0].Score);
        Assert.Equal((float)((1.0 / 63) + (1.0 / 61)), fused[1].Score);
        Assert.Equal((float)(1.0 / 62), fused[2].Score);
        Assert.Equal((float)(1.0 / 63), fused[3].Score);
    }

    [Fact]
    public void EqualFusedScoresAreOrderedByIdHashAndOnlyKAreKept()
    {
        // 9 and 5 are both first in one ranking: equal scores, the smaller hash first.
        var fused = ReciprocalRankFusion.Fuse([[Doc(9)], [Doc(5)], []], k: 1);

        Assert.Equal(5L, Assert.Single(fused).IdHash);
    }

    [Fact]
    public void AnArticleKeepsTheChunkOfTheRankingThatPlacedItBest()
    {
        var fused = ReciprocalRankFusion.Fuse([[Doc(1), Doc(7, chunk: 2)], [Doc(7, chunk: 5)]], k: 2, constant: 0);

        Assert.Equal([7L, 1L], fused.Select(h => h.IdHash)); // 1/2 + 1/1 against 1/1
        Assert.Equal(5, fused[0].Doc);
    }
}
