using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FutureSim.Corpus.Text;

/// <summary>Replays the terms of a <see cref="TokenBuffer"/> into Lucene, so each document is analysed exactly once.</summary>
internal sealed class TokenBufferStream : TokenStream
{
    private readonly ICharTermAttribute term;
    private TokenBuffer buffer = new();
    private int next;

    public TokenBufferStream()
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    /// <summary>Points the stream at the terms of the next document.</summary>
    public void SetTerms(TokenBuffer terms)
    {
        buffer = terms;
        next = 0;
    }

    public override bool IncrementToken()
    {
        if (next >= buffer.Count)
        {
            return false;
        }

        ClearAttributes();
        term.CopyBuffer(buffer.Chars, buffer.StartOf(next), buffer.LengthOf(next));
        next++;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        next = 0;
    }
}
