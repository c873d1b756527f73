namespace FutureSim.Corpus.Semantic;

/// <summary>An embedding model failed or answered wrongly (wrong count or dimension); the message names its source. Nothing was written.</summary>
public sealed class EmbeddingFailedException(string message, Exception? inner = null) : Exception(message, inner);
