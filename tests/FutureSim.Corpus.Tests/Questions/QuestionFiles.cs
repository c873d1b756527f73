using System.IO.Compression;
using System.Text;
using FutureSim.Core.Input;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Questions;

namespace FutureSim.Corpus.Tests.Questions;

/// <summary>The bundled question files of this worktree and small question files written to a temporary folder.</summary>
internal static class QuestionFiles
{
    public static readonly DateTimeOffset FirstDay = SimulatedTime.StartOf(new DateOnly(2025, 12, 24));

    public static readonly QuestionLoadOptions Failing = new() { DefaultOpensAt = FirstDay };

    public static readonly QuestionLoadOptions Skipping = Failing with { InvalidRecords = InvalidRecordHandling.Skip };

    private static readonly string Folder = Directory.CreateTempSubdirectory("futuresim-questions-").FullName;

    public static string Corpora { get; } = FindCorpora();

    public static string ForecastBench => Path.Combine(Corpora, QuestionSetLoader.BundledForecastBenchFile);

    public static string FreeForm => Path.Combine(Corpora, QuestionSetLoader.BundledFreeFormFile);

    /// <summary>Writes <paramref name="content"/> as UTF-8 (no BOM) to a fresh file with the given name.</summary>
    public static string Write(string fileName, string content)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Folder, Guid.NewGuid().ToString("N"))).FullName, fileName);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public static string WriteGzip(string fileName, string content)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Folder, Guid.NewGuid().ToString("N"))).FullName, fileName);
        using var output = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        output.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    public static InvalidInputException LoadFails(string path, QuestionFileFormat? format = null) =>
        Assert.Throws<InvalidInputException>(() => QuestionSetLoader.Load(path, format, Failing));

    private static string FindCorpora()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FutureSim.sln")))
            {
                return Path.Combine(directory.FullName, "corpora");
            }
        }

        throw new DirectoryNotFoundException("the repository root (with FutureSim.sln) was not found above " + AppContext.BaseDirectory);
    }
}
