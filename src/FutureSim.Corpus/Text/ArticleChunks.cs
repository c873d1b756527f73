using FutureSim.Core.Articles;

namespace FutureSim.Corpus.Text;

/// <summary>
/// Splits long articles into chunks that both search signals rank separately (FutureSim ranks 512-token
/// chunks): runs of at most <see cref="MaxWords"/> whitespace-separated words of the body, a short tail
/// (under a quarter of that) joined to the chunk before it. Every chunk is ranked with the article's
/// title, so a chunk reads on its own. Articles of at most <see cref="MaxWords"/> words are one chunk, and
/// so are all the bundled news items. The split depends on the text alone, so it is the same at every
/// build; changing it changes <see cref="Indexing.IndexSchema.Version"/>.
/// </summary>
internal static class ArticleChunks
{
    /// <summary>About 400 tokens of a BERT-style vocabulary: inside the local embedding model's 512-token window.</summary>
    public const int MaxWords = 300;

    /// <summary>The body ranges of the chunks, in order (one range covering the whole body when it is short).</summary>
    public static List<Range> Split(string body) =>
        // Words are separated by whitespace, so a body of n characters has at most (n + 1) / 2 of them: a short one is one chunk unread.
        (body.Length + 1) / 2 <= MaxWords ? [new Range(0, body.Length)] : Scan(body);

    /// <summary><see cref="Split"/> by counting the words, whatever the body's length.</summary>
    internal static List<Range> Scan(string body)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var words = 0;
        var inWord = false;
        for (var i = 0; i <= body.Length; i++)
        {
            var space = i == body.Length || char.IsWhiteSpace(body[i]);
            if (!space && !inWord)
            {
                if (words % MaxWords == 0)
                {
                    starts.Add(i);
                    ends.Add(i);
                }

                words++;
                inWord = true;
            }
            else if (space && inWord)
            {
                ends[^1] = i;
                inWord = false;
            }
        }

        if (starts.Count == 0)
        {
            return [new Range(0, body.Length)];
        }

        if (starts.Count > 1 && words % MaxWords is > 0 and < MaxWords / 4)
        {
            ends[^2] = ends[^1];
            starts.RemoveAt(starts.Count - 1);
            ends.RemoveAt(ends.Count - 1);
        }

        var chunks = new List<Range>(starts.Count);
        for (var c = 0; c < starts.Count; c++)
        {
            // The first chunk starts at the body's start and the last ends at its end, so one chunk is the whole body.
            chunks.Add(new Range(c == 0 ? 0 : starts[c], c == starts.Count - 1 ? body.Length : ends[c]));
        }

        return chunks;
    }

    /// <summary>How many chunks the article has.</summary>
    public static int Count(Article article) => Split(article.Body).Count;

    /// <summary>The body text of chunk <paramref name="chunk"/>.</summary>
    public static string Body(Article article, int chunk)
    {
        var chunks = Split(article.Body);
        return article.Body[chunks[Math.Clamp(chunk, 0, chunks.Count - 1)]];
    }

    /// <summary>
    /// The text the semantic signal embeds for a chunk: the title (unless the body starts with it) and the chunk.
    /// </summary>
    public static string EmbeddingText(Article article, string chunkBody, int chunk) =>
        chunk == 0 && article.Body.StartsWith(article.Title, StringComparison.Ordinal) ? chunkBody : article.Title + "\n" + chunkBody;
}
