namespace FutureSim.Core.Runs;

/// <summary>A new run was to be created where a run (or another folder) already is; nothing was changed.</summary>
public sealed class RunFolderExistsException(string message) : Exception(message);
