using System.Globalization;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// Files in an agent's folder that hold its state as it stood at the end of a simulated day
/// (<c>&lt;prefix&gt;YYYY-MM-DD.json</c>), written atomically; the two latest are kept. A resumed run reads the
/// latest one before the day it resumes.
/// </summary>
internal sealed class DaySnapshots(string directory, string prefix)
{
    public void Save(DateOnly day, string text)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, prefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json");
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
        foreach (var old in All().OrderByDescending(s => s.Day).Skip(2))
        {
            File.Delete(old.Path);
        }
    }

    /// <summary>Deletes the snapshots of days after <paramref name="lastCompletedDay"/> (all when null): a killed day's state is not kept.</summary>
    public void DiscardAfter(DateOnly? lastCompletedDay)
    {
        foreach (var snapshot in All().Where(s => lastCompletedDay is not { } last || s.Day > last).ToArray())
        {
            File.Delete(snapshot.Path);
        }
    }

    /// <summary>The text saved at the end of the latest day before <paramref name="today"/>, or null.</summary>
    public string? LatestBefore(DateOnly today)
    {
        var latest = All().Where(s => s.Day < today).OrderByDescending(s => s.Day).FirstOrDefault();
        return latest.Path is null ? null : File.ReadAllText(latest.Path);
    }

    private IEnumerable<(DateOnly Day, string Path)> All() =>
        !Directory.Exists(directory) ? []
        : Directory.EnumerateFiles(directory, prefix + "*.json")
            .Select(p => (Name: Path.GetFileNameWithoutExtension(p)[prefix.Length..], Path: p))
            .Where(s => DateOnly.TryParseExact(s.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .Select(s => (DateOnly.ParseExact(s.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture), s.Path));
}
