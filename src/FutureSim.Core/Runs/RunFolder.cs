using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;
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

    /// <summary>Creates a new run folder; refuses to overwrite an existing run.</summary>
    public static RunFolder Create(string root, RunManifest manifest, IEnumerable<Question> questions)
    {
        if (System.IO.File.Exists(Path.Combine(root, RunFolderLayout.Manifest)))
        {
            throw new IOException($"A run already exists in {root}. Choose another --run-id, or continue it with --resume.");
        }

        Directory.CreateDirectory(root);
        var folder = new RunFolder(root);
        folder.WriteManifest(manifest);
        using (var writer = new StreamWriter(folder.QuestionsPath, append: false, new UTF8Encoding(false)))
        {
            foreach (var question in questions.OrderBy(q => q.Id.Value, StringComparer.Ordinal))
            {
                writer.Write(JsonSerializer.Serialize(question, RunFormat.Json));
                writer.Write('\n');
            }
        }

        System.IO.File.WriteAllBytes(folder.EventsPath, []);
        return folder;
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
