namespace FutureSim.TestKit;

/// <summary>A test class that writes its corpus files to a temporary folder removed afterwards.</summary>
public abstract class TempCorporaTests : IDisposable
{
    public TestCorpora Corpora { get; } = new();

    public void Dispose()
    {
        Corpora.Dispose();
        GC.SuppressFinalize(this);
    }
}
