using FutureSim.Interop.Traces;

namespace FutureSim.Interop.Tests.TestData;

/// <summary><see cref="PublishedFolder"/> imported once with inferred verdicts, shared by the tests that only read the result.</summary>
public sealed class ImportedFolder : IDisposable
{
    private readonly TempFolder _folder = new();

    public ImportedFolder()
    {
        PublishedFolder.Write(_folder.Sub("data"));
        Report = TraceImporter.ImportAsync(new TraceImportOptions { DataFolder = _folder.Sub("data"), OutputFolder = Runs }, CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    public string Runs => _folder.Sub("runs");

    public TraceImportReport Report { get; }

    public void Dispose() => _folder.Dispose();
}
