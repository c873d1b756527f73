using FutureSim.Corpus.Text;

namespace FutureSim.Corpus.Tests.Text;

public sealed class NewsTokenizerTests
{
    private static List<string> Terms(string text, bool stem = true)
    {
        var buffer = new TokenBuffer();
        NewsTokenizer.Analyze(text, buffer, stem);
        return buffer.ToStrings();
    }

    [Fact]
    public void WordsAreLowerCasedFoldedAndPluralsStemmed()
    {
        Assert.Equal(["uberlingen", "city", "tariff", "house", "virus", "glass"], Terms("Überlingen's CITIES, tariffs; houses virus glass"));
    }

    [Fact]
    public void LatinAccentsFoldToPlainLetters()
    {
        Assert.Equal(["zacesc", "sleza", "nino"], Terms("ŽĄČĘŚĆ Ślęża Niño"));
    }

    [Fact]
    public void FunctionWordsAndShortPluralsAreKept()
    {
        Assert.Equal(["who", "us", "may", "gas", "bus"], Terms("the WHO and the US in May, gas bus"));
    }

    [Fact]
    public void QuerySyntaxIsReducedToPlainWords()
    {
        Assert.Equal(["id", "wce", "123", "visible", "unbalanced"], Terms("id:wce-123 AND visible:[* TO *] /.*/ \"unbalanced"));
        Assert.Empty(Terms("*:* ~ ^ || && ( ) { } \u0000\u0007\u001b"));
    }

    [Fact]
    public void ApostrophesJoinWordsAndDropPossessives()
    {
        Assert.Equal(["dont", "israel", "o", "neill"], Terms("don't Israel’s O' Neill"));
    }

    [Fact]
    public void OverlongRunsAreNotWords()
    {
        Assert.Equal(["short"], Terms(new string('x', NewsTokenizer.MaxTermLength + 1) + " short"));
    }

    [Fact]
    public void SurfaceWordsSkipStemming()
    {
        Assert.Equal(["cities", "tariffs"], Terms("Cities tariffs", stem: false));
    }
}
