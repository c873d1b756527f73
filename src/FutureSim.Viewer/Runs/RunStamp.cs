namespace FutureSim.Viewer.Runs;

/// <summary>The size and last write of a run's manifest and event log: enough to tell that a running run moved on.</summary>
public readonly record struct RunStamp(long EventsLength, DateTime EventsWritten, DateTime ManifestWritten)
{
    public static RunStamp Of(RunLocation run)
    {
        var events = new FileInfo(Path.Combine(run.Folder, Core.Runs.RunFolderLayout.Events));
        var manifest = new FileInfo(Path.Combine(run.Folder, Core.Runs.RunFolderLayout.Manifest));
        return new RunStamp(
            events.Exists ? events.Length : -1,
            events.Exists ? events.LastWriteTimeUtc : default,
            manifest.Exists ? manifest.LastWriteTimeUtc : default);
    }

    /// <summary>A short text that changes whenever the stamp does, for pages to poll.</summary>
    public string Tag => $"{EventsLength:x}-{EventsWritten.Ticks:x}-{ManifestWritten.Ticks:x}";
}
