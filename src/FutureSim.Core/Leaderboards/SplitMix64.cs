namespace FutureSim.Core.Leaderboards;

/// <summary>
/// A tiny, fully specified pseudo-random generator (SplitMix64), so that bootstrap resamples — and hence
/// leaderboard bytes — are the same on every platform and .NET version for the same seed.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>).</summary>
    public int NextInt(int bound) => (int)Math.BigMul(Next(), (ulong)bound, out _);

    /// <summary>A seed derived from a base seed and a text (FNV-1a over its UTF-16 code units).</summary>
    public static ulong Derive(ulong seed, string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return seed ^ hash;
    }
}
