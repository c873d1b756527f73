namespace FutureSim.Corpus.Loading;

/// <summary>
/// A 64-bit hash that is the same in every process (unlike <see cref="string.GetHashCode()"/>): FNV-1a over
/// the UTF-16 code units, finished with the SplitMix64 mixer. Used to remember article ids compactly
/// (a collision among 10 M ids has a chance of about 3·10⁻⁶) and to break score ties stably.
/// </summary>
internal static class StableHash
{
    public static long Of(ReadOnlySpan<char> text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return unchecked((long)h);
    }
}
