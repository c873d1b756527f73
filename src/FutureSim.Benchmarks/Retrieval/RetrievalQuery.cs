namespace FutureSim.Benchmarks.Retrieval;

/// <summary>One benchmark query: OR of the words of <paramref name="Query"/>, asked as of <paramref name="AsOf"/>, for the top <paramref name="Top"/> hits.</summary>
public sealed record RetrievalQuery(string Query, DateTimeOffset AsOf, int Top);
