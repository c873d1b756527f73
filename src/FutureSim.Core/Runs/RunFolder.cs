using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Locking;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Runs;

/// <summary>
/// The files of one run (design §7): <c>manifest.json</c>, <c>questions.jsonl</c> (the questions with
/// their truth), the append-only <c>events.jsonl</c>, and derived files written by scoring. Agents never
/// see this folder.
/// </summary>
public sealed class RunFolder
{
    private RunFolder(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    public string ManifestPath => Path.Combine(Root, RunFolderLayout.Manifest);

    public string QuestionsPath => Path.Combine(Root, RunFolderLayout.Questions);

    public string EventsPath => Path.Combine(Root, RunFolderLayout.Events);

    public string File(string name) => Path.Combine(Root, name);

    /// <summary>The folder of agent <paramref name="agent"/> (<see cref="RunFolderLayout.AgentDirectory"/>), created if needed.</summary>
    public string AgentDirectory(string agent)
    {
        var directory = RunFolderLayout.AgentDirectory(Root, agent);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// Creates a new run folder, all or nothing: it is written under a temporary name beside <paramref name="root"/> and
    /// renamed into place, so an interruption leaves no half-made run that would block a retry. With
    /// <paramref name="lockedFor"/>, the folder appears already held by this process (<see cref="RunFolderLock.Adopt"/>).
    /// Leftovers of creations whose process is gone are removed. An empty folder at <paramref name="root"/> (made for the
    /// run by its caller) is taken as absent and replaced.
    /// </summary>
    /// <exception cref="RunFolderExistsException">Something already exists at <paramref name="root"/>; it is left as it was.</exception>
    public static RunFolder Create(string root, RunManifest manifest, IEnumerable<Question> questions, string? lockedFor = null)
    {
        root = Path.GetFullPath(root);
        var parent = Path.GetDirectoryName(root) ?? throw new ArgumentException($"{root} cannot be a run folder.", nameof(root));
        var name = Path.GetFileName(root);
        EnsureAbsent(root);
        Directory.CreateDirectory(parent);
        RemoveAbandonedCreations(parent);
        var temporary = Path.Combine(parent, $"{CreatingPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}-{name}");
        try
        {
            var building = new RunFolder(Directory.CreateDirectory(temporary).FullName);
            building.WriteManifest(manifest);
            using (var writer = new StreamWriter(building.QuestionsPath, append: false, new UTF8Encoding(false)))
            {
                foreach (var question in questions.OrderBy(q => q.Id.Value, StringComparer.Ordinal))
                {
                    writer.Write(JsonSerializer.Serialize(question, RunFormat.Json));
                    writer.Write('\n');
                }
            }

            System.IO.File.WriteAllBytes(building.EventsPath, []);
            if (lockedFor is not null)
            {
                RunFolderLock.Claim(building.Root, lockedFor);
            }

            try
            {
                if (Directory.Exists(root))
                {
                    Directory.Delete(root); // empty (EnsureAbsent); a folder that has since gained content is not deleted
                }

                Directory.Move(temporary, root);
            }
            catch (IOException) when (Directory.Exists(root))
            {
                throw Exists(root, name);
            }
        }
        catch
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            throw;
        }

        return new RunFolder(root);
    }

    /// <summary>Throws <see cref="RunFolderExistsException"/> when a file or a folder that is not empty exists at <paramref name="root"/>.</summary>
    public static void EnsureAbsent(string root)
    {
        root = Path.GetFullPath(root);
        if ((Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any()) || System.IO.File.Exists(root))
        {
            throw Exists(root, Path.GetFileName(root));
        }
    }

    /// <summary>The name prefix of a run folder being created (see <see cref="Create"/>).</summary>
    public const string CreatingPrefix = ".creating-";

    private static RunFolderExistsException Exists(string root, string name) =>
        new($"A run named {name} already exists in {root}: choose another --run-id, continue it with --resume {name}, or delete the folder.");

    /// <summary>Deletes what creations killed half-way left behind (their process is gone).</summary>
    private static void RemoveAbandonedCreations(string parent)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, CreatingPrefix + "*"))
        {
            var rest = Path.GetFileName(folder)[CreatingPrefix.Length..];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(rest[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && !LocalProcess.IsRunning(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another process is removing it too.
                }
            }
        }
    }

    /// <summary>Opens an existing run folder.</summary>
    public static RunFolder Open(string root)
    {
        if (!System.IO.File.Exists(Path.Combine(root, RunFolderLayout.Manifest)))
        {
            throw new InvalidInputException(new RecordError(Path.Combine(root, RunFolderLayout.Manifest), 0, "not found: this is not a run folder."));
        }

        return new RunFolder(root);
    }

    public RunManifest ReadManifest() => RunFolderReader.ReadManifest(ManifestPath);

    /// <summary>Replaces the manifest atomically.</summary>
    public void WriteManifest(RunManifest manifest)
    {
        var temporary = ManifestPath + ".tmp";
        System.IO.File.WriteAllText(temporary, JsonSerializer.Serialize(manifest, RunFormat.IndentedJson) + "\n", new UTF8Encoding(false));
        System.IO.File.Move(temporary, ManifestPath, overwrite: true);
    }

    public ImmutableArray<Question> ReadQuestions() => RunFolderReader.ReadQuestions(QuestionsPath);
}
