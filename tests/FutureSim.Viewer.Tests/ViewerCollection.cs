namespace FutureSim.Viewer.Tests;

/// <summary>The viewer's tests share one run made by the command line and one headless Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ViewerCollection : ICollectionFixture<ViewerRun>, ICollectionFixture<Browser.Chromium>
{
    public const string Name = "viewer";
}
