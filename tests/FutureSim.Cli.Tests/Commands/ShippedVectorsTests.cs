using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace FutureSim.Cli.Tests.Commands;

/// <summary>
/// The vectors shipped in <c>corpora/vectors/</c> are what the documented command makes of the default
/// corpus (<c>corpora/NOTICE.md</c>): re-embedding a sample of it with the local model through
/// <c>index --embeddings</c>, with no seed file to copy from, gives the same entries byte for byte.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ShippedVectorsTests(CliRun cli)
{
    private const int Sample = 4;

    private static readonly string Repository = FindRepository();

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FutureSim.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FutureSim.sln not found above the test folder");
    }

    /// <summary>The entries of a vector file (format in <c>VectorFile</c>): key → scale and components, as bytes.</summary>
    private static Dictionary<string, byte[]> Entries(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("FSVEC001", Encoding.ASCII.GetString(bytes, 0, 8));
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var idLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var at = 16 + idLength;
        var count = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at));
        at += 8;
        var entries = new Dictionary<string, byte[]>();
        for (var i = 0; i < count; i++, at += 16 + 4 + dimensions)
        {
            entries[Convert.ToHexString(bytes, at, 16)] = bytes[(at + 16)..(at + 20 + dimensions)];
        }

        Assert.Equal(bytes.Length, at);
        return entries;
    }

    [Fact]
    public async Task ReEmbeddingASampleOfTheDefaultCorpusGivesTheShippedVectorsByteForByte()
    {
        var folder = Path.Combine(cli.Root, "shipped-vectors");
        Directory.CreateDirectory(folder);
        var sample = Path.Combine(folder, "sample.jsonl");
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(Repository, "corpora", "news-wikipedia-current-events-2025-2026.jsonl.gz")), CompressionMode.Decompress)))
        {
            var lines = new List<string>();
            for (var line = reader.ReadLine(); line is not null && lines.Count < Sample; line = reader.ReadLine())
            {
                lines.Add(line);
            }

            File.WriteAllLines(sample, lines);
        }

        var config = Path.Combine(folder, "config.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            Corpus = new { IndexDirectory = Path.Combine(folder, "index") },
            Search = new { Embeddings = new { SeedFiles = new[] { Path.Combine(folder, "no-seed.fsv") } } },
        }));

        var (code, _) = await cli.RunWithConfigAsync(config, "index", "--embeddings", "--corpus", sample);
        var made = Entries(Path.Combine(folder, "index", "vectors", "local_snowflake-arctic-embed-xs.fsv"));
        var shipped = Entries(Path.Combine(Repository, "corpora", "vectors", "local_snowflake-arctic-embed-xs.fsv"));

        Assert.Equal(0, code);
        Assert.Equal(Sample, made.Count);
        Assert.All(made, entry => Assert.Equal(shipped[entry.Key], entry.Value));
    }
}
