using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Tests.Indexing;

public sealed class LuceneCorpusBuildTests : TempCorporaTests
{
    private readonly string index;
    private readonly string january;
    private readonly string february;

    public LuceneCorpusBuildTests()
    {
        index = Corpora.IndexDirectory();
        january = Corpora.Write("january.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-01-01", "2025-01-01T08:00:00Z", "Parliament passes the budget."),
            TestCorpora.CurrentEvents("wce-2", "2025-01-02", "2025-01-02T08:00:00Z", "A storm hits the coast."));
        february = Corpora.Write("february.jsonl.gz", gzip: true,
            TestCorpora.CurrentEvents("wce-3", "2025-02-01", "2025-02-01T08:00:00Z", "The budget is signed."));
    }

    private CorpusBuildReport Open(
        IReadOnlyList<string> files,
        VisibilityPolicy policy = VisibilityPolicy.Strict,
        InvalidRecordHandling handling = InvalidRecordHandling.Fail,
        IProgress<CorpusBuildProgress>? progress = null)
    {
        var (corpus, report) = LuceneCorpus.OpenOrBuild(index, files, policy, handling, progress, null, CancellationToken.None);
        using (corpus)
        {
            Assert.Equal(report.DocumentCount, corpus.At(DateTimeOffset.MaxValue).CountArrivedSince(DateTimeOffset.MinValue));
            Assert.Equal(report.Identity, corpus.Identity);
        }

        return report;
    }

    [Fact]
    public void AnUnchangedCorpusReusesItsIndex()
    {
        var built = Open([january]);
        var reused = Open([january]);

        Assert.Equal(CorpusBuildMode.Rebuilt, built.Mode);
        Assert.Equal("no index yet", built.Reason);
        Assert.Equal(2, built.DocumentsAdded);
        Assert.Equal(CorpusBuildMode.Reused, reused.Mode);
        Assert.Null(reused.Reason);
        Assert.Equal(0, reused.DocumentsAdded);
        Assert.Equal(built.Identity, reused.Identity);
        Assert.True(reused.IndexBytes > 0);
    }

    [Fact]
    public void AFileHashedWhileItIsIndexedGivesTheFingerprintOfTheSameFileHashedFirst()
    {
        // One file and no index: hashed while indexed. The same content twice: hashed first, the copy dropped.
        var copy = Corpora.Write("copy-of-january.jsonl", File.ReadAllLines(january));

        var alone = Open([january]);
        var (corpus, withCopy) = LuceneCorpus.OpenOrBuild(Corpora.IndexDirectory("index-with-copy"), [january, copy], VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, null, CancellationToken.None);
        corpus.Dispose();

        Assert.Equal(CorpusBuildMode.Rebuilt, withCopy.Mode);
        Assert.Equal(alone.Identity, withCopy.Identity);
        Assert.Equal(CorpusBuildMode.Reused, Open([january]).Mode);
    }

    [Fact]
    public void AnAddedFileExtendsTheIndexWithOnlyItsArticles()
    {
        var first = Open([january]);

        var extended = Open([january, february]);
        var reused = Open([february, january]);

        Assert.Equal(CorpusBuildMode.Extended, extended.Mode);
        Assert.Equal(1, extended.DocumentsAdded);
        Assert.Equal(3, extended.DocumentCount);
        Assert.NotEqual(first.Identity.Fingerprint, extended.Identity.Fingerprint);
        Assert.Equal(CorpusBuildMode.Reused, reused.Mode);
        Assert.Equal(extended.Identity, reused.Identity);
    }

    [Fact]
    public void AChangedFileRebuildsTheIndex()
    {
        Open([january, february]);
        Corpora.Write("january.jsonl", TestCorpora.CurrentEvents("wce-1", "2025-01-01", "2025-01-01T08:00:00Z", "Edited."));

        var report = Open([january, february]);

        Assert.Equal(CorpusBuildMode.Rebuilt, report.Mode);
        Assert.Contains("january.jsonl changed or was removed", report.Reason, StringComparison.Ordinal);
        Assert.Equal(2, report.DocumentCount);
    }

    [Fact]
    public void ARemovedFileRebuildsTheIndex()
    {
        Open([january, february]);

        var report = Open([january]);

        Assert.Equal(CorpusBuildMode.Rebuilt, report.Mode);
        Assert.Equal(2, report.DocumentCount);
    }

    [Fact]
    public void AnotherVisibilityPolicyRebuildsTheIndex()
    {
        var strict = Open([january]);

        var lenient = Open([january], VisibilityPolicy.Lenient);

        Assert.Equal(CorpusBuildMode.Rebuilt, lenient.Mode);
        Assert.Contains("visibility policy changed", lenient.Reason, StringComparison.Ordinal);
        Assert.Equal(VisibilityPolicy.Lenient, lenient.Identity.Policy);
        Assert.NotEqual(strict.Identity.Fingerprint, lenient.Identity.Fingerprint);
    }

    [Fact]
    public void AnIndexWithADeletedSegmentFileIsRebuilt()
    {
        Open([january]);
        var segmentFile = Directory.GetFiles(Path.Combine(index, "lucene")).First(f => Path.GetFileName(f).StartsWith('_'));
        File.Delete(segmentFile);

        var report = Open([january]);

        Assert.Equal(CorpusBuildMode.Rebuilt, report.Mode);
        Assert.Contains("is missing", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndexWithGarbageInASegmentFileIsRebuilt()
    {
        Open([january]);
        var segmentsFile = Directory.GetFiles(Path.Combine(index, "lucene"), "segments_*").Single();
        var length = new FileInfo(segmentsFile).Length;
        File.WriteAllBytes(segmentsFile, Enumerable.Repeat((byte)0x5A, (int)length).ToArray());

        var report = Open([january]);

        Assert.Equal(CorpusBuildMode.Rebuilt, report.Mode);
        Assert.Contains("cannot be opened", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GarbageInTheFingerprintFileRebuildsTheIndex()
    {
        Open([january]);
        File.WriteAllText(Path.Combine(index, "corpus-index.json"), "{ this is not json");

        var report = Open([january]);

        Assert.Equal(CorpusBuildMode.Rebuilt, report.Mode);
        Assert.Contains("manifest is unreadable", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AFingerprintFileThatDisagreesWithTheIndexRebuildsIt()
    {
        Open([january]);
        var manifest = Path.Combine(index, "corpus-index.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"documents\": 2", "\"documents\": 3", StringComparison.Ordinal));

        var report = Open([january]);

        Assert.Equal(CorpusBuildMode.Rebuilt, report.Mode);
        Assert.Contains("does not match its manifest", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedArticleStoreRebuildsTheIndex()
    {
        Open([january]);
        var store = Path.Combine(index, "articles.dat");
        using (var stream = File.OpenWrite(store))
        {
            stream.SetLength(stream.Length / 2);
        }

        Assert.Equal(CorpusBuildMode.Rebuilt, Open([january]).Mode);
    }

    [Fact]
    public void SkippedRecordsAreReportedByEveryOpenOfTheIndex()
    {
        var withBadLine = Corpora.Write("bad.jsonl",
            TestCorpora.CurrentEvents("wce-9", "2025-01-01", "2025-01-01T08:00:00Z", "Fine."),
            "{ broken");

        var built = Open([withBadLine], handling: InvalidRecordHandling.Skip);
        var reused = Open([withBadLine], handling: InvalidRecordHandling.Skip);
        var strict = Assert.Throws<InvalidInputException>(() => Open([withBadLine]));

        Assert.Equal(1, built.DocumentCount);
        Assert.Equal(1, built.SkippedRecordCount);
        Assert.Equal(new RecordError(withBadLine, 2, built.SkippedRecords[0].Problem), built.SkippedRecords[0]);
        Assert.Equal(built.SkippedRecords.ToArray(), reused.SkippedRecords.ToArray());
        Assert.Equal(2, strict.Error.Line);

        Corpora.Write("bad.jsonl", TestCorpora.CurrentEvents("wce-9", "2025-01-01", "2025-01-01T08:00:00Z", "Fine."));
        var fixedFile = Open([withBadLine]);
        Assert.Equal(CorpusBuildMode.Rebuilt, fixedFile.Mode);
        Assert.Equal(0, fixedFile.SkippedRecordCount);
    }

    [Fact]
    public void AFailedBuildLeavesNoIndexToTrust()
    {
        var bad = Corpora.Write("bad.jsonl",
            TestCorpora.CurrentEvents("wce-9", "2025-01-01", "2025-01-01T08:00:00Z", "Fine."),
            TestCorpora.CurrentEvents("wce-9", "2025-01-02", "2025-01-02T08:00:00Z", "Repeat."));

        Assert.Throws<InvalidInputException>(() => Open([bad]));
        var report = Open([january]);

        Assert.Equal(CorpusBuildMode.Rebuilt, report.Mode);
        Assert.Equal("no index yet", report.Reason);
    }

    [Fact]
    public void AFailedExtensionKeepsTheCommittedIndex()
    {
        Open([january]);
        var repeat = Corpora.Write("repeat.jsonl", TestCorpora.CurrentEvents("wce-1", "2025-03-01", "2025-03-01T08:00:00Z", "Same id as January."));

        var error = Assert.Throws<InvalidInputException>(() => Open([january, repeat]));
        var reused = Open([january]);

        Assert.Contains("duplicate id 'wce-1'", error.Error.Problem, StringComparison.Ordinal);
        Assert.Equal(CorpusBuildMode.Reused, reused.Mode);
        Assert.Equal(2, reused.DocumentCount);
    }

    [Fact]
    public void ExtendingADatedTreeDropsArticlesAlreadyIndexed()
    {
        Corpora.Write("tree/2026/01/01/articles.jsonl", TestCorpora.FutureSimArticle("Budget", "2026-01-01", "Passes.", id: "a1"));
        var tree = Path.Combine(Corpora.Root, "tree");
        Open([tree]);
        Corpora.Write("tree/2026/01/02/articles.jsonl",
            TestCorpora.FutureSimArticle("Budget", "2026-01-02", "Re-crawled.", id: "a1"),
            TestCorpora.FutureSimArticle("Storm", "2026-01-02", "Arrives.", id: "a2"));

        var report = Open([tree]);

        Assert.Equal(CorpusBuildMode.Extended, report.Mode);
        Assert.Equal(1, report.DocumentsAdded);
        Assert.Equal(1, report.DuplicatesDropped);
        Assert.Equal(2, report.DocumentCount);
    }

    [Fact]
    public void ACancelledBuildLeavesNoIndexToTrust()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.FileNumber == 2)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            LuceneCorpus.OpenOrBuild(index, [january, february], VisibilityPolicy.Strict, InvalidRecordHandling.Fail, progress, null, cancellation.Token));
        var report = Open([january, february]);

        Assert.Equal(CorpusBuildMode.Rebuilt, report.Mode);
        Assert.Equal("no index yet", report.Reason);
        Assert.Equal(3, report.DocumentCount);
    }

    [Fact]
    public void TheDecisionAndItsReasonAreLoggedWithTemplateProperties()
    {
        var logger = new CollectingLogger();
        var withBadLine = Corpora.Write("bad.jsonl", TestCorpora.CurrentEvents("wce-9", "2025-01-01", "2025-01-01T08:00:00Z", "Fine."), "{");

        LuceneCorpus.OpenOrBuild(index, [withBadLine], VisibilityPolicy.Strict, InvalidRecordHandling.Skip, null, logger, CancellationToken.None).Corpus.Dispose();
        LuceneCorpus.OpenOrBuild(index, [withBadLine], VisibilityPolicy.Strict, InvalidRecordHandling.Skip, null, logger, CancellationToken.None).Corpus.Dispose();

        Assert.Contains(logger.Entries, e => e.Properties.TryGetValue("Reason", out var reason) && Equals(reason, "no index yet"));
        Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("bad.jsonl:2", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Message.Contains("reused", StringComparison.Ordinal) && Equals(e.Properties["DocumentCount"], 1));
    }

    [Fact]
    public void ProgressNamesEachFile()
    {
        var seen = new List<CorpusBuildProgress>();

        Open([january, february], progress: new SynchronousProgress(seen.Add));

        Assert.Equal([january, february], seen.Select(p => p.File).Distinct());
        Assert.All(seen, p => Assert.Equal(2, p.FileCount));
    }

    private sealed class SynchronousProgress(Action<CorpusBuildProgress> report) : IProgress<CorpusBuildProgress>
    {
        public void Report(CorpusBuildProgress value) => report(value);
    }
}
