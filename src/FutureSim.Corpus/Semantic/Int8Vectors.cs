using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FutureSim.Corpus.Semantic;

/// <summary>
/// Vectors stored as signed bytes with one scale each (symmetric scalar quantisation): a unit vector
/// <c>v</c> is kept as <c>round(v / s)</c> with <c>s = max|vᵢ| / 127</c>, so its dot product with another
/// such vector is <c>s₁ s₂ Σ aᵢ bᵢ</c>, computed exactly in 32-bit integers. Four times smaller than
/// float32 and about as much faster to scan; the ranking error is far below the models' own.
/// </summary>
internal static class Int8Vectors
{
    /// <summary>Normalises <paramref name="vector"/> to unit length and quantises it into <paramref name="into"/>; returns the scale.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> into)
    {
        double norm = 0;
        foreach (var x in vector)
        {
            norm += (double)x * x;
        }

        norm = Math.Sqrt(norm);
        double max = 0;
        foreach (var x in vector)
        {
            max = Math.Max(max, Math.Abs(x / norm));
        }

        if (norm == 0 || max == 0 || !double.IsFinite(norm))
        {
            into.Clear();
            return 0f;
        }

        var scale = max / 127.0;
        for (var i = 0; i < vector.Length; i++)
        {
            into[i] = (sbyte)Math.Clamp(Math.Round(vector[i] / norm / scale, MidpointRounding.ToEven), -127, 127);
        }

        return (float)scale;
    }

    /// <summary>Σ aᵢ bᵢ in 32-bit integers (AVX2 when the processor has it).</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = 0;
        var i = 0;
        if (Avx2.IsSupported && a.Length >= 32)
        {
            var acc = Vector256<int>.Zero;
            ref var pa = ref MemoryMarshal.GetReference(a);
            ref var pb = ref MemoryMarshal.GetReference(b);
            for (; i + 32 <= a.Length; i += 32)
            {
                var va = Vector256.LoadUnsafe(ref pa, (nuint)i);
                var vb = Vector256.LoadUnsafe(ref pb, (nuint)i);
                var (aLow, aHigh) = Vector256.Widen(va);
                var (bLow, bHigh) = Vector256.Widen(vb);
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(aLow, bLow));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(aHigh, bHigh));
            }

            sum = Vector256.Sum(acc);
        }
        else if (Vector.IsHardwareAccelerated)
        {
            // Portable path: widen to 16 and 32 bits with Vector<T>.
            var acc = Vector<int>.Zero;
            var width = Vector<sbyte>.Count;
            for (; i + width <= a.Length; i += width)
            {
                Vector.Widen(new Vector<sbyte>(a[i..]), out var aLow, out var aHigh);
                Vector.Widen(new Vector<sbyte>(b[i..]), out var bLow, out var bHigh);
                acc += WidenedProduct(aLow, bLow) + WidenedProduct(aHigh, bHigh);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static Vector<int> WidenedProduct(Vector<short> a, Vector<short> b)
    {
        Vector.Widen(a, out var aLow, out var aHigh);
        Vector.Widen(b, out var bLow, out var bHigh);
        return (aLow * bLow) + (aHigh * bHigh);
    }
}
