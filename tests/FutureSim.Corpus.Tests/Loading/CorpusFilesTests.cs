using FutureSim.Core.Input;
using FutureSim.Corpus.Loading;

namespace FutureSim.Corpus.Tests.Loading;

public sealed class CorpusFilesTests : IDisposable
{
    private readonly TestCorpora corpora = new();

    public void Dispose() => corpora.Dispose();

    [Fact]
    public void AFileFormatIsDetectedFromItsFirstRecord()
    {
        var current = corpora.Write("a.jsonl", TestCorpora.CurrentEvents("wce-1", "2025-01-01", "2025-01-01T08:00:00Z", "One."));
        var archive = corpora.Write("b.jsonl.gz", gzip: true, TestCorpora.Archive("wcei-1", "2004-01-01", "One."));
        var futureSim = corpora.Write("c.jsonl", "", TestCorpora.FutureSimArticle("T", "2026-01-01", "C"));

        Assert.Equal(CorpusFormat.CurrentEvents, CorpusFiles.DetectFormat(current));
        Assert.Equal(CorpusFormat.CurrentEventsArchive, CorpusFiles.DetectFormat(archive));
        Assert.Equal(CorpusFormat.FutureSimArticles, CorpusFiles.DetectFormat(futureSim));
        Assert.Equal(CorpusFormat.CurrentEvents, CorpusFiles.DetectFormat(TestCorpora.BundledNews));
        Assert.Equal(CorpusFormat.CurrentEventsArchive, CorpusFiles.DetectFormat(TestCorpora.BenchmarkNews));
    }

    [Fact]
    public void AFolderIsADatedTreeReadInDateOrder()
    {
        corpora.Write("tree/2026/01/10/articles.jsonl", TestCorpora.FutureSimArticle("T", "2026-01-10", "C"));
        corpora.Write("tree/2025/12/31/articles.jsonl.gz", gzip: true, TestCorpora.FutureSimArticle("T", "2025-12-31", "C"));
        corpora.Write("tree/2026/01/02/notes.txt", "not part of the tree");

        var files = CorpusFiles.Expand(Path.Combine(corpora.Root, "tree"));

        Assert.Equal(["2025/12/31/articles.jsonl.gz", "2026/01/10/articles.jsonl"],
            files.Select(f => Path.GetRelativePath(Path.Combine(corpora.Root, "tree"), f.Path).Replace('\\', '/')));
        Assert.All(files, f => Assert.Equal(CorpusFormat.FutureSimArticles, f.Format));
    }

    [Fact]
    public void PathsThatHoldNoCorpusAreReported()
    {
        Directory.CreateDirectory(Path.Combine(corpora.Root, "empty"));
        var unknown = corpora.Write("unknown.jsonl", "{\"question\": \"Will it rain?\"}");
        var blank = corpora.Write("blank.jsonl", "");

        Assert.Contains("no such file", Assert.Throws<InvalidInputException>(() => CorpusFiles.Expand(Path.Combine(corpora.Root, "missing"))).Message, StringComparison.Ordinal);
        Assert.Contains("no YYYY/MM/DD", Assert.Throws<InvalidInputException>(() => CorpusFiles.Expand(Path.Combine(corpora.Root, "empty"))).Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Throws<InvalidInputException>(() => CorpusFiles.Expand(unknown)).Error.Line);
        Assert.Contains("no records", Assert.Throws<InvalidInputException>(() => CorpusFiles.Expand(blank)).Message, StringComparison.Ordinal);
    }
}
