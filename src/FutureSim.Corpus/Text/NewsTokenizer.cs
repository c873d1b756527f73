using System.Collections.Frozen;

namespace FutureSim.Corpus.Text;

/// <summary>
/// The one analysis used for indexing and for queries, so that both sides always agree: words are runs
/// of letters and digits; they are lower-cased, Latin accents are folded (Überlingen → uberlingen), a
/// possessive 's is dropped, common English function words are removed and a light plural stemmer
/// (ies → y, es → e, s → ∅, guarded) is applied. Anything else — punctuation, operators, control
/// characters — only separates words, which is what makes query text plain data.
/// Changing any rule here changes the index: bump <see cref="Indexing.IndexSchema.Version"/>.
/// </summary>
internal static class NewsTokenizer
{
    /// <summary>Longer runs (URLs, hashes, garbage) are not words and are dropped.</summary>
    public const int MaxTermLength = 40;

    // Latin-1 Supplement (U+00C0–U+00FF) and Latin Extended-A (U+0100–U+017F), lower-cased with accents removed.
    private const string Latin1Folded = "aaaaaaæceeeeiiiiðnooooo×ouuuuyþßaaaaaaæceeeeiiiiðnooooo÷ouuuuyþy";
    private const string LatinExtendedAFolded =
        "aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ĳĳ" + "jj" + "kkĸ" +
        "llllllllll" + "nnnnnnŉŋŋ" + "oooooo" + "œœ" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" +
        "yyy" + "zzzzzz" + "s";

    private static readonly char[] Fold = BuildFoldTable();

    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal,
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "as", "into", "onto", "about", "than", "that", "this", "these", "those", "it", "its", "is", "are", "was",
        "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "do", "does",
        "did", "not", "he", "she", "they", "his", "her", "their", "them", "him", "which", "what", "when", "where",
        "while", "also", "there", "then", "s", "t");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Appends the terms of <paramref name="text"/> to <paramref name="output"/> and returns how many were
    /// added. With <paramref name="stem"/> false, surface words are kept (lower-cased, folded), e.g. to
    /// write readable queries.
    /// </summary>
    public static int Analyze(ReadOnlySpan<char> text, TokenBuffer output, bool stem = true)
    {
        var before = output.Count;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var term = output.Reserve(MaxTermLength);
            var length = 0;
            var tooLong = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (IsWordChar(c))
                {
                    if (length < MaxTermLength)
                    {
                        term[length++] = FoldChar(c);
                    }
                    else
                    {
                        tooLong = true;
                    }

                    i++;
                }
                else if (IsApostrophe(c) && i + 1 < text.Length && IsWordChar(text[i + 1]))
                {
                    // Possessive 's ends the word; other apostrophes join (don't → dont).
                    if ((text[i + 1] is 's' or 'S') && (i + 2 == text.Length || !IsWordChar(text[i + 2])))
                    {
                        i += 2;
                        break;
                    }

                    i++;
                }
                else
                {
                    break;
                }
            }

            if (tooLong || StopWordLookup.Contains(term[..length]))
            {
                continue;
            }

            if (stem)
            {
                length = StemPlural(term, length);
            }

            output.Commit(length);
        }

        return output.Count - before;
    }

    private static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static char FoldChar(char c) => c < Fold.Length ? Fold[c] : char.ToLowerInvariant(c);

    /// <summary>A guarded plural stemmer: cities → city, tariffs → tariff, houses → house; short words and -us/-ss words are kept.</summary>
    private static int StemPlural(Span<char> term, int length)
    {
        if (length < 4 || term[length - 1] != 's')
        {
            return length;
        }

        var word = term[..length];
        if (word.EndsWith("ies") && !word.EndsWith("eies") && !word.EndsWith("aies"))
        {
            term[length - 3] = 'y';
            return length - 2;
        }

        if (word.EndsWith("es") && !word.EndsWith("aes") && !word.EndsWith("ees") && !word.EndsWith("oes"))
        {
            return length - 1;
        }

        if (word.EndsWith("us") || word.EndsWith("ss"))
        {
            return length;
        }

        return length - 1;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x180];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = c switch
            {
                < 0x80 => char.ToLowerInvariant((char)c),
                >= 0xC0 and < 0x100 => Latin1Folded[c - 0xC0],
                >= 0x100 => LatinExtendedAFolded[c - 0x100],
                _ => char.ToLowerInvariant((char)c),
            };
        }

        return table;
    }
}
