using System.Diagnostics;
using System.Globalization;

namespace FutureSim.Core.Locking;

/// <summary>Whether a process of this machine is still running, told apart from a later process that reused its id by its start time.</summary>
public static class LocalProcess
{
    /// <summary>This process's start time (UTC, to the second), as <see cref="IsRunning"/> compares it.</summary>
    public static string StartedOfThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return Started(process);
    }

    /// <summary>True when process <paramref name="pid"/> runs and, if <paramref name="started"/> is given, started then.</summary>
    public static bool IsRunning(int pid, string? started = null)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && (started is null || Started(process) == started);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Started(Process process) =>
        process.StartTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
