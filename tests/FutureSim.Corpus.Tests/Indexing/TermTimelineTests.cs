using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Tests.Indexing;

public sealed class TermTimelineTests
{
    [Fact]
    public void CountsAtAnInstantIncludeEverythingVisibleByThenAndNothingLater()
    {
        var timeline = new TermTimeline([30, 10, 20, 10, 30, 30], [1, 2, 3, 4, 5, 6]);

        Assert.Equal(3, timeline.Entries);
        Assert.Equal((0L, 0L), timeline.At(9));
        Assert.Equal((2L, 6L), timeline.At(10));
        Assert.Equal((2L, 6L), timeline.At(19));
        Assert.Equal((3L, 9L), timeline.At(20));
        Assert.Equal((6L, 21L), timeline.At(30));
        Assert.Equal((6L, 21L), timeline.At(long.MaxValue));
    }
}
