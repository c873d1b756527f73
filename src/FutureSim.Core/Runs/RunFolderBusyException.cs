namespace FutureSim.Core.Runs;

/// <summary>Another process is writing the run folder (see <see cref="RunFolderLock"/>); the message names it and says what to do.</summary>
public sealed class RunFolderBusyException(string message) : Exception(message);
