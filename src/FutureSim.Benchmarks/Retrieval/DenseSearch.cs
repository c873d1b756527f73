namespace FutureSim.Benchmarks.Retrieval;

/// <summary>A time-gated dense search as the benchmark measures it: the positions of the best <paramref name="want"/> chunks visible at <paramref name="asOfTicks"/>.</summary>
internal delegate int[] DenseSearch(sbyte[] query, float scale, long asOfTicks, int want);
