using Microsoft.Extensions.Logging;

namespace FutureSim.Corpus.Indexing;

/// <summary>The corpus layer's log messages.</summary>
internal static partial class CorpusLog
{
    [LoggerMessage(1, LogLevel.Information, "Corpus index {IndexDirectory} reused: {DocumentCount} articles, fingerprint {Fingerprint}")]
    public static partial void Reused(ILogger logger, string indexDirectory, int documentCount, string fingerprint);

    [LoggerMessage(2, LogLevel.Information, "Building corpus index {IndexDirectory} from {FileCount} file(s): {Reason}")]
    public static partial void Rebuilding(ILogger logger, string indexDirectory, int fileCount, string reason);

    [LoggerMessage(3, LogLevel.Information, "Extending corpus index {IndexDirectory}: {Reason}")]
    public static partial void Extending(ILogger logger, string indexDirectory, string reason);

    [LoggerMessage(4, LogLevel.Information, "Corpus index {IndexDirectory} holds {DocumentCount} articles ({DocumentsAdded} added, {SkippedCount} invalid record(s) skipped, {DuplicateCount} duplicate(s) dropped)")]
    public static partial void Built(ILogger logger, string indexDirectory, int documentCount, int documentsAdded, int skippedCount, int duplicateCount);

    [LoggerMessage(5, LogLevel.Warning, "Skipped invalid record {RecordError}")]
    public static partial void SkippedRecord(ILogger logger, string recordError);

    [LoggerMessage(6, LogLevel.Warning, "Skipped {MoreCount} more invalid record(s); the build report lists them")]
    public static partial void MoreSkipped(ILogger logger, int moreCount);

    [LoggerMessage(7, LogLevel.Warning, "Corpus file {Path} has the same content as {OtherPath} and is read once")]
    public static partial void DuplicateFile(ILogger logger, string path, string otherPath);

    [LoggerMessage(8, LogLevel.Information, "Embedding {ChunkCount} article chunk(s) never embedded before with {ModelId} ({Source})")]
    public static partial void Embedding(ILogger logger, int chunkCount, string modelId, string source);

    [LoggerMessage(9, LogLevel.Warning, "Vector file {Path} is unreadable and is rebuilt: {Problem}")]
    public static partial void VectorFileDropped(ILogger logger, string path, string problem);

    [LoggerMessage(10, LogLevel.Warning, "Another process is building or opening the corpus index {IndexDirectory}; waiting for it to finish")]
    public static partial void WaitingForBuild(ILogger logger, string indexDirectory);

    [LoggerMessage(11, LogLevel.Information, "Approximate semantic index {Path}: {Action}")]
    public static partial void Approximate(ILogger logger, string path, string action);
}
