namespace FutureSim.Cli.Sweeps;

/// <summary>How far a sweep's run got in its folder.</summary>
internal enum RunFolderState
{
    /// <summary>No run folder yet.</summary>
    Absent,

    /// <summary>A folder whose creation was cut off (no manifest, or no event log yet): it holds nothing to keep.</summary>
    Partial,

    /// <summary>A run with an event log that did not complete: it is resumed.</summary>
    Incomplete,

    /// <summary>A completed run with its scores written.</summary>
    Complete,
}
