namespace FutureSim.Viewer.Runs;

/// <summary>A run folder the viewer was given: the id it is addressed by in pages and its full path.</summary>
public sealed record RunLocation(string Id, string Folder);
