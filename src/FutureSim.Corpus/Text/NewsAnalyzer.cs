using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FutureSim.Corpus.Text;

/// <summary>
/// <see cref="NewsTokenizer"/> as a Lucene analyzer. The hot paths bypass it (documents are inverted by
/// <see cref="Indexing.InvertedBatch"/>, queries are built from terms directly); it exists so that anything
/// Lucene analyses on its own agrees with them.
/// </summary>
internal sealed class NewsAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new BufferedNewsTokenizer(reader));

    private sealed class BufferedNewsTokenizer : Tokenizer
    {
        private readonly TokenBuffer terms = new();
        private readonly ICharTermAttribute term;
        private int next;

        public BufferedNewsTokenizer(TextReader reader)
            : base(reader)
        {
            term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (next >= terms.Count)
            {
                return false;
            }

            ClearAttributes();
            term.CopyBuffer(terms.Chars, terms.StartOf(next), terms.LengthOf(next));
            next++;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            terms.Clear();
            NewsTokenizer.Analyze(m_input.ReadToEnd(), terms);
            next = 0;
        }
    }
}
