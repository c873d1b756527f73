namespace FutureSim.Corpus.Text;

/// <summary>
/// The analysed terms of one text, kept in a reusable character arena so that a document is analysed
/// once and its terms can be both counted and replayed into the index without allocating strings.
/// </summary>
internal sealed class TokenBuffer
{
    private char[] chars = new char[1024];
    private int[] starts = new int[128];
    private int[] lengths = new int[128];
    private int used;

    /// <summary>How many terms the buffer holds.</summary>
    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => chars.AsSpan(starts[index], lengths[index]);

    public char[] Chars => chars;

    public int StartOf(int index) => starts[index];

    public int LengthOf(int index) => lengths[index];

    public void Clear()
    {
        Count = 0;
        used = 0;
    }

    /// <summary>Room for a term of up to <paramref name="maxLength"/> characters, written in place and then kept by <see cref="Commit"/>.</summary>
    public Span<char> Reserve(int maxLength)
    {
        if (used + maxLength > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, used + maxLength));
        }

        return chars.AsSpan(used, maxLength);
    }

    public void Commit(int length)
    {
        if (Count == starts.Length)
        {
            Array.Resize(ref starts, Count * 2);
            Array.Resize(ref lengths, Count * 2);
        }

        starts[Count] = used;
        lengths[Count] = length;
        used += length;
        Count++;
    }

    public List<string> ToStrings()
    {
        var result = new List<string>(Count);
        for (var i = 0; i < Count; i++)
        {
            result.Add(new string(this[i]));
        }

        return result;
    }
}
