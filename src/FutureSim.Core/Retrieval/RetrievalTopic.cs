namespace FutureSim.Core.Retrieval;

/// <summary>One evaluation topic: its id, the query text, and the instant it is searched as of.</summary>
public sealed record RetrievalTopic(string Id, string Query, DateTimeOffset AsOf);
