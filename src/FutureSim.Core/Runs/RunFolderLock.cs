using System.Text.Json;
using FutureSim.Core.Locking;

namespace FutureSim.Core.Runs;

/// <summary>
/// One writer per run folder. A run, a resume, an MCP session and a rescore hold the folder's <see cref="FileName"/>,
/// which names the owner — process id, host, the process's start time and the command — and is emptied when the owner
/// lets go. A second writer is refused with the owner's name. A lock whose process is gone (same host: no such
/// process, or another process that reused its id) is stale and taken over; a lock held from another host is never
/// taken over (its message says to delete the file if that process is gone). The file is read and changed by one
/// process at a time (an operating-system lock held for the moment of the change), so two starters never both win.
/// </summary>
public sealed class RunFolderLock : IDisposable
{
    /// <summary>The lock file in the run folder.</summary>
    public const string FileName = "run.lock";

    private static readonly Owner Me = Owner.OfThisProcess();
    private readonly string path;
    private bool released;

    private RunFolderLock(string path) => this.path = path;

    /// <summary>Takes the run folder in <paramref name="runDirectory"/> for this process, as <c>futuresim <paramref name="command"/></c>.</summary>
    /// <exception cref="RunFolderBusyException">A live process holds it.</exception>
    public static RunFolderLock Acquire(string runDirectory, string command)
    {
        var path = Path.Combine(runDirectory, FileName);
        using var file = ExclusiveFile.Wait(path, () => { }, CancellationToken.None);
        if (Read(file) is { } holder && holder.IsAlive())
        {
            throw new RunFolderBusyException(holder.Describe(runDirectory, path));
        }

        Write(file, Me with { Command = command });
        return new RunFolderLock(path);
    }

    /// <summary>Writes this process's claim into a run folder that nobody else can see yet (one being created); pair with <see cref="Adopt"/>.</summary>
    public static void Claim(string runDirectory, string command)
    {
        using var file = new FileStream(Path.Combine(runDirectory, FileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        Write(file, Me with { Command = command });
    }

    /// <summary>The lock this process claimed in a folder, once the folder is in place.</summary>
    public static RunFolderLock Adopt(string runDirectory) => new(Path.Combine(runDirectory, FileName));

    /// <summary>Lets go of the folder (the file is emptied, so that it reads as free).</summary>
    public void Dispose()
    {
        if (released)
        {
            return;
        }

        released = true;
        using var file = ExclusiveFile.Wait(path, () => { }, CancellationToken.None);
        if (Read(file) is { } holder && holder.Pid == Me.Pid && holder.Host == Me.Host && holder.ProcessStarted == Me.ProcessStarted)
        {
            file.SetLength(0);
            file.Flush(flushToDisk: true);
        }
    }

    private static Owner? Read(FileStream file)
    {
        if (file.Length == 0)
        {
            return null;
        }

        try
        {
            file.Position = 0;
            return JsonSerializer.Deserialize<Owner>(file, RunFormat.Json);
        }
        catch (JsonException)
        {
            return null; // a claim cut off while being written: its writer died before it held the folder
        }
    }

    private static void Write(FileStream file, Owner owner)
    {
        file.SetLength(0);
        JsonSerializer.Serialize(file, owner, RunFormat.Json);
        file.WriteByte((byte)'\n');
        file.Flush(flushToDisk: true);
    }

    private sealed record Owner
    {
        public required int Pid { get; init; }

        public required string Host { get; init; }

        /// <summary>When the owning process started (UTC, to the second): tells it apart from a later process that reused its id.</summary>
        public required string ProcessStarted { get; init; }

        public string Command { get; init; } = "";

        public static Owner OfThisProcess() =>
            new() { Pid = Environment.ProcessId, Host = Environment.MachineName, ProcessStarted = LocalProcess.StartedOfThisProcess() };

        /// <summary>A lock from another host cannot be checked from here, and counts as alive.</summary>
        public bool IsAlive() => !string.Equals(Host, Environment.MachineName, StringComparison.Ordinal) || LocalProcess.IsRunning(Pid, ProcessStarted);

        public string Describe(string runDirectory, string path) =>
            $"Run {Path.GetFileName(Path.TrimEndingDirectorySeparator(runDirectory))} is in use by process {Pid} on host {Host} " +
            $"(futuresim {Command}, started {ProcessStarted}). Wait for it to finish" +
            (Host == Environment.MachineName
                ? $": {path} is released when that process ends."
                : $"; if that process is gone, delete {path}.");
    }
}
