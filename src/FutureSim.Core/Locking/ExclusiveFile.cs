namespace FutureSim.Core.Locking;

/// <summary>
/// A file opened for this process alone (an advisory lock the operating system releases when the process ends, even
/// when it is killed). Used to let one process at a time build an index or change a run folder's lock.
/// </summary>
public static class ExclusiveFile
{
    /// <summary>How long <see cref="Wait"/> sleeps between attempts.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Opens (creating it if needed) <paramref name="path"/> for this process alone; null while another holds it.</summary>
    public static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            return null; // held by another process (or another handle of this one)
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> for this process alone, waiting while another holds it; <paramref name="waiting"/> is
    /// called once if it has to wait.
    /// </summary>
    public static FileStream Wait(string path, Action waiting, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            if (TryOpen(path) is { } file)
            {
                return file;
            }

            if (!told)
            {
                told = true;
                waiting();
            }

            cancellationToken.WaitHandle.WaitOne(PollInterval);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
