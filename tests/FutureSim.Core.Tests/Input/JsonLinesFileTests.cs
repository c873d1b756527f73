using System.IO.Compression;
using System.Text;
using FutureSim.Core.Input;

namespace FutureSim.Core.Tests.Input;

public sealed class JsonLinesFileTests
{
    [Fact]
    public void PlainAndGzipFilesYieldTheSameNumberedLines()
    {
        var text = "{\"a\":1}\n\n{\"b\":2}\r\n" + new string('x', 200_000) + "\n{\"c\":3}";
        var plain = Path.GetTempFileName();
        var gzip = Path.GetTempFileName();
        File.WriteAllText(plain, text);
        using (var output = new GZipStream(File.Create(gzip), CompressionLevel.Fastest))
        {
            output.Write(Encoding.UTF8.GetBytes(text));
        }

        static List<(long, string)> Read(string path) =>
            [.. JsonLinesFile.ReadLines(path).Select(l => (l.Number, Encoding.UTF8.GetString(l.Utf8.Span)))];

        var expected = new List<(long, string)> { (1, "{\"a\":1}"), (3, "{\"b\":2}"), (4, new string('x', 200_000)), (5, "{\"c\":3}") };
        Assert.Equal(expected, Read(plain));
        Assert.Equal(expected, Read(gzip));
    }

    [Fact]
    public void ALastLineWithoutANewlineIsReported()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":1}\n{\"b\""));
        long? unterminated = null;
        var lines = JsonLinesFile.ReadLines(stream, n => unterminated = n).Select(l => l.Number).ToList();
        Assert.Equal([1L, 2L], lines);
        Assert.Equal(2, unterminated);
    }
}
