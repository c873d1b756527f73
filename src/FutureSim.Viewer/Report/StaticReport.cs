using System.Text;
using FutureSim.Viewer.Assets;
using FutureSim.Viewer.Documents;
using FutureSim.Viewer.Runs;

namespace FutureSim.Viewer.Report;

/// <summary>
/// <c>futuresim report</c>: the viewer's pages as one self-contained HTML file — the same script and documents
/// as the server (every run, question, agent day and retrieved article), inline, with no network access.
/// </summary>
public static class StaticReport
{
    /// <summary>Writes the report (replacing the file atomically) and returns its size in bytes.</summary>
    public static async Task<long> WriteAsync(RunLibrary library, string file, CancellationToken cancellationToken)
    {
        var snapshots = await Task.WhenAll(library.Runs.Select(r => library.GetAsync(r, cancellationToken))).ConfigureAwait(false);
        foreach (var snapshot in snapshots.Where(s => s.IsLoaded))
        {
            await library.Articles.GetAsync(snapshot.Manifest!, cancellationToken).ConfigureAwait(false);
        }

        var router = new DocumentRouter(library);
        var paths = new List<string> { DocumentRouter.PathOf("runs") };
        if (await library.GetCombinedAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            paths.Add(DocumentRouter.PathOf("all", "leaderboard"));
        }

        if (await library.GetFutureSimAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            paths.Add(DocumentRouter.PathOf("all", "futuresim"));
        }

        paths.AddRange(snapshots.SelectMany(DocumentRouter.PathsOf));
        var documents = new List<(string Path, byte[] Json)>(paths.Count);
        foreach (var path in paths)
        {
            documents.Add((path, await router.GetAsync(path, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The report's document {path} could not be built.")));
        }

        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            ViewerAssets.WriteReport(output, stream =>
            {
                stream.WriteByte((byte)'{');
                for (var i = 0; i < documents.Count; i++)
                {
                    if (i > 0)
                    {
                        stream.WriteByte((byte)',');
                    }

                    WriteInert(stream, Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(documents[i].Path)));
                    stream.WriteByte((byte)':');
                    WriteInert(stream, documents[i].Json);
                }

                stream.WriteByte((byte)'}');
            });
        }

        File.Move(temporary, full, overwrite: true);
        return new FileInfo(full).Length;
    }

    /// <summary>
    /// Writes JSON so that it cannot end the script element it sits in: '&lt;' occurs in JSON only inside strings,
    /// where <c>\u003c</c> means the same.
    /// </summary>
    private static void WriteInert(Stream stream, byte[] json)
    {
        var start = 0;
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'<')
            {
                stream.Write(json, start, i - start);
                stream.Write("\\u003c"u8);
                start = i + 1;
            }
        }

        stream.Write(json, start, json.Length - start);
    }
}
