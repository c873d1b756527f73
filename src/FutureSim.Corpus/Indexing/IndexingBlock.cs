using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Loading;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// Consecutive lines of one corpus file on their way into the index. The reading thread copies the lines in
/// (<see cref="AddLine"/>); an indexing thread parses them (<see cref="Parsed"/>, each article's id hash,
/// chunks and encoded store record), admits them in file order and numbers their chunks (<see cref="Entries"/>,
/// from <see cref="FirstSequence"/> on), then indexes those. Reused once indexed, so a build allocates a
/// fixed number of blocks.
/// </summary>
internal sealed class IndexingBlock
{
    /// <summary>A block is handed over once it holds this many lines …</summary>
    public const int MaxLines = 256;

    /// <summary>… or this many bytes.</summary>
    public const int MaxBytes = 1 << 19;

    private readonly List<(long Number, int Start, int Length)> lines = new(MaxLines);
    private readonly List<(int Start, int Length)> records = new(MaxLines);
    private byte[] bytes = new byte[MaxBytes];
    private byte[] recordBytes = new byte[MaxBytes];
    private int used;
    private int recordsUsed;

    /// <summary>The file the lines are from.</summary>
    public CorpusFile File { get; private set; } = new("", CorpusFormat.CurrentEvents);

    /// <summary>The block's place in reading order: blocks are admitted strictly in ticket order.</summary>
    public int Ticket { get; private set; }

    public int LineCount => lines.Count;

    public bool IsFull => lines.Count >= MaxLines || used >= MaxBytes;

    /// <summary>What each line holds, by line index, once parsed.</summary>
    public List<ParsedArticle> Parsed { get; } = new(MaxLines);

    /// <summary>The admitted articles' chunks, in sequence order from <see cref="FirstSequence"/>.</summary>
    public List<Entry> Entries { get; } = new(MaxLines);

    /// <summary>The sequence number of the first of <see cref="Entries"/>.</summary>
    public int FirstSequence { get; set; }

    /// <summary>The <see cref="DocumentMeta"/> records of <see cref="Entries"/>, filled in as they are indexed.</summary>
    public byte[] MetaRecords { get; private set; } = new byte[MaxLines * DocumentMeta.Length];

    public void Reset(CorpusFile file, int ticket)
    {
        File = file;
        Ticket = ticket;
        lines.Clear();
        records.Clear();
        Parsed.Clear();
        Entries.Clear();
        used = 0;
        recordsUsed = 0;
    }

    /// <summary>Copies a line in (its memory is reused by the reader).</summary>
    public void AddLine(JsonLine line)
    {
        var length = line.Utf8.Length;
        if (used + length > bytes.Length)
        {
            Array.Resize(ref bytes, Math.Max(bytes.Length * 2, used + length));
        }

        line.Utf8.Span.CopyTo(bytes.AsSpan(used));
        lines.Add((line.Number, used, length));
        used += length;
    }

    public long LineNumber(int index) => lines[index].Number;

    public ReadOnlySpan<byte> Line(int index) => bytes.AsSpan(lines[index].Start, lines[index].Length);

    /// <summary>Keeps the store record of the line just parsed (an empty one when it has no article).</summary>
    public void AddRecord(ReadOnlySpan<byte> record)
    {
        if (recordsUsed + record.Length > recordBytes.Length)
        {
            Array.Resize(ref recordBytes, Math.Max(recordBytes.Length * 2, recordsUsed + record.Length));
        }

        record.CopyTo(recordBytes.AsSpan(recordsUsed));
        records.Add((recordsUsed, record.Length));
        recordsUsed += record.Length;
    }

    public ReadOnlySpan<byte> Record(int index) => recordBytes.AsSpan(records[index].Start, records[index].Length);

    /// <summary>Makes room for the records of every entry.</summary>
    public void SizeMetaRecords()
    {
        if (MetaRecords.Length < Entries.Count * DocumentMeta.Length)
        {
            MetaRecords = new byte[Math.Max(MetaRecords.Length * 2, Entries.Count * DocumentMeta.Length)];
        }
    }

    /// <summary>The record of entry <paramref name="index"/> (after <see cref="SizeMetaRecords"/>).</summary>
    public Span<byte> MetaRecord(int index) => MetaRecords.AsSpan(index * DocumentMeta.Length, DocumentMeta.Length);

    /// <summary>A parsed line: the line itself, its article's id hash and chunks when it has an article.</summary>
    internal readonly record struct ParsedArticle(ParsedLine Line, long IdHash, List<Range>? Chunks);

    /// <summary>One index document: chunk <see cref="Chunk"/> (body range <see cref="Range"/>) of an article stored at <see cref="StoreOffset"/>.</summary>
    internal readonly record struct Entry(Article Article, long IdHash, long StoreOffset, int Chunk, Range Range)
    {
        /// <summary>The body text of the chunk.</summary>
        public ReadOnlySpan<char> ChunkBody => Article.Body.AsSpan(Range);
    }
}
