using System.Text.Json;
using System.Text.Json.Serialization;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Loading;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The file written beside the index that says what it was built from: schema version, policy, each
/// corpus file's content hash (with its size and modification time, so unchanged files need not be
/// re-hashed), the fingerprint, the committed index files and their sizes, the committed length of the article store, and the records skipped or
/// dropped. The fingerprint and document count are also in the Lucene commit itself; the two must agree,
/// or the index is not trusted.
/// </summary>
internal sealed record IndexManifest
{
    public const string FileName = "corpus-index.json";

    /// <summary>How many skipped records are kept in the manifest (all are counted).</summary>
    public const int MaxSkippedKept = 1000;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>A manifest with an element in every collection, for <see cref="PrepareSerializer"/>.</summary>
    private static IndexManifest Sample => new()
    {
        Schema = IndexSchema.Version,
        Policy = VisibilityPolicy.Strict,
        Fingerprint = "",
        Documents = 0,
        DuplicatesDropped = 0,
        SkippedCount = 1,
        Skipped = [new RecordError("corpus.jsonl", 1, "")],
        StoreBytes = 0,
        Files = [new CorpusFileState("corpus.jsonl", CorpusFormat.CurrentEvents, 0, 0, "")],
        IndexFiles = new(StringComparer.Ordinal) { ["segments_1"] = 0 },
    };

    public required int Schema { get; init; }

    public required VisibilityPolicy Policy { get; init; }

    public required string Fingerprint { get; init; }

    public required int Documents { get; init; }

    public required int DuplicatesDropped { get; init; }

    public required int SkippedCount { get; init; }

    public required List<RecordError> Skipped { get; init; }

    /// <summary>How much of the <see cref="ArticleStore"/> the committed index refers to.</summary>
    public required long StoreBytes { get; init; }

    public required List<CorpusFileState> Files { get; init; }

    public required Dictionary<string, long> IndexFiles { get; init; }

    /// <summary>Reads the manifest; null with the reason when it is missing or unreadable.</summary>
    public static IndexManifest? TryRead(string path, out string problem)
    {
        if (!File.Exists(path))
        {
            problem = "no index yet";
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var manifest = JsonSerializer.Deserialize<IndexManifest>(stream, Options);
            problem = manifest is null ? "the index manifest is empty" : "";
            return manifest;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException or InvalidOperationException)
        {
            problem = $"the index manifest is unreadable ({e.Message})";
            return null;
        }
    }

    /// <summary>
    /// Readies the serializer for manifests: its first use builds its contract for every type in the manifest,
    /// tens of milliseconds that a build spends while it still waits for other work rather than after it.
    /// </summary>
    public static void PrepareSerializer() => JsonSerializer.Serialize(Stream.Null, Sample, Options);

    /// <summary>Writes the manifest atomically (a temporary file renamed over the old one).</summary>
    public void Write(string path)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, this, Options);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
