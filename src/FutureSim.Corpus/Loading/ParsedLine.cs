using FutureSim.Core.Articles;

namespace FutureSim.Corpus.Loading;

/// <summary>One corpus line parsed: its article, or what is wrong with it.</summary>
internal readonly record struct ParsedLine(Article? Article, string? Error);
