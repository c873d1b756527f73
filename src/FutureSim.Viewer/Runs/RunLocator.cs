using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;

namespace FutureSim.Viewer.Runs;

/// <summary>
/// Finds the run folders under the paths the researcher gave: a path holding <c>manifest.json</c> is a run;
/// otherwise each of its sub-folders holding one is. Nothing outside these folders is ever read.
/// </summary>
public static class RunLocator
{
    /// <summary>The runs, ordered by id; a folder name met twice gets a numbered id.</summary>
    /// <exception cref="InvalidInputException">A path does not exist, or holds no run at all.</exception>
    public static ImmutableArray<RunLocation> Find(IEnumerable<string> paths)
    {
        var folders = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (!Directory.Exists(full))
            {
                throw new InvalidInputException(new RecordError(full, 0, "the folder does not exist."), "Give run folders or folders of runs.");
            }

            if (File.Exists(Path.Combine(full, RunFolderLayout.Manifest)))
            {
                folders.Add(full);
                continue;
            }

            var runs = Directory.EnumerateDirectories(full)
                .Where(d => File.Exists(Path.Combine(d, RunFolderLayout.Manifest)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (runs.Count == 0)
            {
                throw new InvalidInputException(
                    new RecordError(full, 0, $"neither this folder nor any folder in it holds a {RunFolderLayout.Manifest}."),
                    "Give run folders (runs/<run-id>) or a folder of runs (runs).");
            }

            folders.AddRange(runs);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var located = ImmutableArray.CreateBuilder<RunLocation>();
        foreach (var folder in folders.Distinct(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
            var id = name;
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{name}-{n}";
            }

            located.Add(new RunLocation(id, folder));
        }

        return [.. located.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A file of an agent's own folder (<c>agents/&lt;agent&gt;/&lt;file&gt;</c>) of a run, or null when the names would
    /// lead outside the run folder (an agent name is data from the manifest, never trusted as a path).
    /// </summary>
    public static string? AgentFile(RunLocation run, string agent, string file)
    {
        var root = Path.GetFullPath(run.Folder) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, "agents", agent, file));
        return path.StartsWith(root, StringComparison.Ordinal) && Path.GetFileName(path) == file ? path : null;
    }
}
