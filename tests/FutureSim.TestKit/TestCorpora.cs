using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace FutureSim.TestKit;

/// <summary>The project's bundled data and small hand-written corpus files in a temporary folder.</summary>
public sealed class TestCorpora : IDisposable
{
    public TestCorpora()
    {
        Root = Path.Combine(Path.GetTempPath(), "futuresim-corpus-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A fresh index folder inside <see cref="Root"/>.</summary>
    public string IndexDirectory(string name = "index") => Path.Combine(Root, name);

    /// <summary>A file of the project's own <c>corpora</c> folder.</summary>
    public static string Bundled(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpora", relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"corpora/{relativePath} not found above {AppContext.BaseDirectory}");
    }

    public static string BundledNews => Bundled("news-wikipedia-current-events-2025-2026.jsonl.gz");

    public static string BenchmarkNews => Bundled("benchmark/news-wikipedia-current-events-2002-2024.jsonl.gz");

    public string Write(string relativePath, params string[] lines) => Write(relativePath, gzip: false, lines);

    public string Write(string relativePath, bool gzip, params string[] lines)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = string.Join("\n", lines) + "\n";
        if (gzip)
        {
            using var output = new GZipStream(File.Create(path), CompressionLevel.Fastest);
            output.Write(Encoding.UTF8.GetBytes(text));
        }
        else
        {
            File.WriteAllText(path, text);
        }

        return path;
    }

    /// <summary>A Wikipedia Current Events record (2025–2026 format).</summary>
    public static string CurrentEvents(
        string id,
        string date,
        string firstSeen,
        string text,
        string? textWhenFirstSeen = null,
        string title = "Topic",
        string category = "Politics and elections") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["date"] = date,
            ["first_seen_utc"] = firstSeen,
            ["timestamp_kind"] = "first_seen",
            ["category"] = category,
            ["topics"] = new[] { "Broader topic", title },
            ["title"] = title,
            ["text"] = text,
            ["text_when_first_seen"] = textWhenFirstSeen,
            ["sources"] = new[] { new { name = "Reuters", url = "https://example.org/" + id } },
            ["wiki_links"] = new[] { "Later_link" },
            ["page_url"] = "https://en.wikipedia.org/wiki/Portal:Current_events/" + date,
            ["page_last_modified"] = "2026-07-03 22:41",
        });

    /// <summary>A benchmark (2002–2024) record.</summary>
    public static string Archive(string id, string date, string text, params string[] sourceNames) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["date"] = date,
            ["category"] = "Uncategorized",
            ["topics"] = Array.Empty<string>(),
            ["title"] = text.Length > 40 ? text[..40] : text,
            ["text"] = text,
            ["source_names"] = sourceNames,
            ["page_url"] = "https://en.wikipedia.org/wiki/Portal:Current_events/" + date,
        });

    /// <summary>A FutureSim dated-tree article; null fields are left out.</summary>
    public static string FutureSimArticle(string title, string date, string content, string? id = null, string? url = null, string source = "Reuters") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["title"] = title,
            ["source"] = source,
            ["date"] = date,
            ["content"] = content,
            ["id"] = id,
            ["url"] = url,
            ["date_modify"] = "2026-05-01",
        }.Where(pair => pair.Value is not null).ToDictionary());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by a reader on some platforms; the temp folder is cleaned eventually.
        }
    }
}
