using System.Text;

namespace FutureSim.Viewer.Assets;

/// <summary>
/// The viewer's page: one HTML shell, its stylesheet and its script (hand-written, embedded in this assembly;
/// no external scripts, fonts or build step). The server links the script and stylesheet; the static report
/// inlines them with every document.
/// </summary>
internal static class ViewerAssets
{
    /// <summary>The parts of the script, in order; joined into one strict function, served as <c>viewer.js</c>.</summary>
    public static IReadOnlyList<string> ScriptParts { get; } =
        ["viewer-core.js", "viewer-charts.js", "viewer-runs.js", "viewer-futuresim.js", "viewer-pages.js", "viewer-main.js"];

    public static byte[] Script { get; } = Encoding.UTF8.GetBytes(
        "(function () {\n  'use strict';\n\n"
        + string.Join("\n", ScriptParts.Select(part => Encoding.UTF8.GetString(Read("viewer/" + part))))
        + "})();\n");

    public static byte[] Stylesheet { get; } = Read("viewer/viewer.css");

    /// <summary>The page the server serves; documents are fetched from <c>api/</c>.</summary>
    public static byte[] ServerPage { get; } = Encoding.UTF8.GetBytes(Page(
        "<link rel=\"stylesheet\" href=\"viewer.css\">",
        "<script src=\"viewer.js\"></script>",
        "server"));

    /// <summary>
    /// The self-contained page: stylesheet, documents and script inline; its content security policy forbids
    /// every network request, so nothing can be fetched even by accident.
    /// </summary>
    public static void WriteReport(Stream output, Action<Stream> writeDocuments)
    {
        var head = Page(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">"
            + "<style>" + Encoding.UTF8.GetString(Stylesheet) + "</style>",
            "\u0000",
            "report");
        var split = head.IndexOf('\u0000', StringComparison.Ordinal);
        output.Write(Encoding.UTF8.GetBytes(head[..split]));
        output.Write("<script type=\"application/json\" id=\"fs-data\">"u8);
        writeDocuments(output);
        output.Write("</script><script>"u8);
        output.Write(Script);
        output.Write("</script>"u8);
        output.Write(Encoding.UTF8.GetBytes(head[(split + 1)..]));
    }

    private static string Page(string head, string scripts, string mode) =>
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>FutureSim runs</title><link rel=\"icon\" href=\"data:,\">" + head + "</head>"
        + $"<body data-mode=\"{mode}\"><header id=\"top\"><a href=\"#/\" class=\"brand\">FutureSim</a><nav id=\"crumbs\"></nav><span id=\"live\"></span></header>"
        + "<main id=\"app\"><p class=\"muted\">Loading…</p></main>" + scripts + "</body></html>\n";

    private static byte[] Read(string name)
    {
        using var stream = typeof(ViewerAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The viewer asset {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
