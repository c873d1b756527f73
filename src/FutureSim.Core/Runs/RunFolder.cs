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
    public const string ManifestFile = "manifest.json";
    public const string QuestionsFile = "questions.jsonl";
    public const string EventsFile = "events.jsonl";
    public const string MetricsFile = "daily_metrics.csv";
    public const string LogFile = "run.log";

    private RunFolder(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    public string ManifestPath => Path.Combine(Root, ManifestFile);

    public string QuestionsPath => Path.Combine(Root, QuestionsFile);

    public string EventsPath => Path.Combine(Root, EventsFile);

    public string File(string name) => Path.Combine(Root, name);

    /// <summary>Creates a new run folder; refuses to overwrite an existing run.</summary>
    public static RunFolder Create(string root, RunManifest manifest, IEnumerable<Question> questions)
    {
        if (System.IO.File.Exists(Path.Combine(root, ManifestFile)))
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
        if (!System.IO.File.Exists(Path.Combine(root, ManifestFile)))
        {
            throw new InvalidInputException(new RecordError(Path.Combine(root, ManifestFile), 0, "not found: this is not a run folder."));
        }

        return new RunFolder(root);
    }

    public RunManifest ReadManifest()
    {
        RunManifest? manifest;
        try
        {
            using var stream = System.IO.File.OpenRead(ManifestPath);
            using var document = JsonDocument.Parse(stream);
            var version = document.RootElement.TryGetProperty("format_version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : -1;
            if (version != RunFormat.Version)
            {
                throw new InvalidInputException(
                    new RecordError(ManifestPath, 0, $"format_version {version} is not supported (this build reads version {RunFormat.Version})."),
                    "Use the FutureSim version that wrote this run.");
            }

            manifest = document.RootElement.Deserialize<RunManifest>(RunFormat.IndentedJson);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(new RecordError(ManifestPath, e.LineNumber + 1 ?? 0, $"is not a valid manifest: {e.Message}"), null, e);
        }

        return manifest ?? throw new InvalidInputException(new RecordError(ManifestPath, 1, "is empty."));
    }

    /// <summary>Replaces the manifest atomically.</summary>
    public void WriteManifest(RunManifest manifest)
    {
        var temporary = ManifestPath + ".tmp";
        System.IO.File.WriteAllText(temporary, JsonSerializer.Serialize(manifest, RunFormat.IndentedJson) + "\n", new UTF8Encoding(false));
        System.IO.File.Move(temporary, ManifestPath, overwrite: true);
    }

    public ImmutableArray<Question> ReadQuestions() =>
        [.. ReadJsonLines<Question>(QuestionsPath)];

    /// <summary>Reads a JSONL file of this folder, naming the file and line of any bad record.</summary>
    public static IEnumerable<T> ReadJsonLines<T>(string path)
    {
        foreach (var line in JsonLinesFile.ReadLines(path))
        {
            T? value;
            try
            {
                value = JsonSerializer.Deserialize<T>(line.Utf8.Span, RunFormat.Json);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException)
            {
                throw new InvalidInputException(new RecordError(path, line.Number, $"is not a valid {typeof(T).Name} record: {e.Message}"), null, e);
            }

            yield return value ?? throw new InvalidInputException(new RecordError(path, line.Number, "is null."));
        }
    }
}
