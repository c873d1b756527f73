namespace FutureSim.Core.Articles;

/// <summary>The stable identifier of an article within a corpus.</summary>
public readonly record struct ArticleId(string Value)
{
    public override string ToString() => Value;
}
