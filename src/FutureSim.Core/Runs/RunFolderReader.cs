using System.Collections.Immutable;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Runs;

/// <summary>
/// Reads a run folder (<see cref="RunFolderLayout"/>) into a validated <see cref="RunRecord"/>. Only the
/// folder's files are read, so any run — live, killed or imported — is scored the same way.
/// </summary>
public static class RunFolderReader
{
    /// <summary>
    /// Reads <c>manifest.json</c>, <c>questions.jsonl</c> and <c>events.jsonl</c> of <paramref name="runFolder"/>.
    /// A last event line without a newline (a run killed while writing) is ignored and reported in
    /// <see cref="RunRecord.Warnings"/>, as are the events of an unfinished last day.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// A file is missing, a line is malformed, the manifest has an unknown format version, or an event
    /// names a question or agent the folder does not define; the message names the file and line.
    /// </exception>
    public static RunRecord Read(string runFolder) => Read(runFolder, keepToolCalls: false);

    /// <summary>
    /// The same as <see cref="Read(string)"/>; with <paramref name="keepToolCalls"/> the record's events also
    /// hold every <see cref="ToolCalled"/> of the completed days (for viewers of what agents did; scoring
    /// does not need them and reads faster without).
    /// </summary>
    public static RunRecord Read(string runFolder, bool keepToolCalls)
    {
        var manifest = ReadManifest(Path.Combine(runFolder, RunFolderLayout.Manifest));
        var questions = ReadQuestions(Path.Combine(runFolder, RunFolderLayout.Questions));
        var eventsFile = Path.Combine(runFolder, RunFolderLayout.Events);
        RequireFile(eventsFile);

        var log = new RunEventLog(eventsFile, manifest, questions);
        var warnings = new List<RecordError>();
        foreach (var line in ReadEventLines(eventsFile, keepToolCalls, warnings.Add))
        {
            if (line.Event is { } runEvent)
            {
                log.Add(runEvent, line.Number, line.End);
            }
            else
            {
                log.AddToolCall(line.ToolCall.Version, line.ToolCall.Day, line.ToolCall.Agent, line.Number, line.End);
            }
        }

        return log.ToRecord(runFolder, warnings, ModelUsageFile.ReadRun(runFolder));
    }

    /// <summary>
    /// Every event of an event log as written, tool calls included, without checking them against the run
    /// (for tools that inspect a log). A last line without a newline is left out.
    /// </summary>
    public static IEnumerable<RunEvent> ReadEvents(string eventsFile)
    {
        RequireFile(eventsFile);
        return ReadEventLines(eventsFile, keepToolCalls: true, _ => { }).Select(line => line.Event!);
    }

    /// <summary>
    /// The one reader of <c>events.jsonl</c>: streams its lines in order with their numbers and end offsets. A
    /// tool call is read from its header only unless <paramref name="keepToolCalls"/> (tool calls are most of a
    /// log's bytes and scoring does not use them); a last line without a newline — a run stopped while writing
    /// it — is reported to <paramref name="warn"/> and not read.
    /// </summary>
    private static IEnumerable<EventLine> ReadEventLines(string eventsFile, bool keepToolCalls, Action<RecordError> warn)
    {
        long cutOffLine = 0;
        var strings = new Dictionary<int, string>();
        using var stream = JsonLinesFile.OpenRead(eventsFile);
        foreach (var line in JsonLinesFile.ReadLines(stream, number => cutOffLine = number))
        {
            if (line.Number == cutOffLine)
            {
                warn(new RecordError(eventsFile, line.Number, "the last line has no newline (the run was stopped while writing it); it is ignored."));
                yield break;
            }

            if (!keepToolCalls && ToolCallHeader.TryRead(line.Utf8.Span, out var header))
            {
                yield return new EventLine(line.Number, line.End, null, header);
                continue;
            }

            yield return new EventLine(
                line.Number, line.End, ForecastLine.TryRead(line.Utf8.Span, strings, out var forecast) ? forecast : Parse<RunEvent>(eventsFile, line), default);
        }
    }

    /// <summary>One line of an event log: the event, or for a tool call read from its header only, null and the header.</summary>
    private readonly record struct EventLine(long Number, long End, RunEvent? Event, ToolCallHeader ToolCall);

    /// <summary>
    /// Reads several run folders (<see cref="Read(string)"/>) side by side; the records come in the order of
    /// <paramref name="runFolders"/>, and a bad folder fails as <see cref="Read(string)"/> does (the first one in that order).
    /// </summary>
    public static RunRecord[] ReadAll(IReadOnlyList<string> runFolders)
    {
        var records = new RunRecord[runFolders.Count];
        var failures = new Exception?[runFolders.Count];
        Parallel.For(0, runFolders.Count, i =>
        {
            try
            {
                records[i] = Read(runFolders[i]);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return records;
    }

    /// <summary>Reads and validates a <c>manifest.json</c> (known format version).</summary>
    public static RunManifest ReadManifest(string file)
    {
        RequireFile(file);
        var bytes = File.ReadAllBytes(file);
        try
        {
            using (var document = JsonDocument.Parse(bytes))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("format_version", out var version)
                    || !version.TryGetInt32(out var number))
                {
                    throw new InvalidInputException(new RecordError(file, 0, "there is no integer format_version."));
                }

                if (number != RunFormat.Version)
                {
                    throw new InvalidInputException(new RecordError(
                        file, 0, $"format_version {number} is unknown; this build reads run folders of version {RunFormat.Version}."));
                }
            }

            return JsonSerializer.Deserialize<RunManifest>(bytes, RunFormat.Json)
                ?? throw new InvalidInputException(new RecordError(file, 0, "the manifest is null."));
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(new RecordError(file, (e.LineNumber ?? -1) + 1, $"malformed manifest: {e.Message}"), inner: e);
        }
    }

    /// <summary>Reads a <c>questions.jsonl</c>, checking each question and that ids are unique.</summary>
    public static ImmutableArray<Question> ReadQuestions(string file)
    {
        RequireFile(file);
        var questions = ImmutableArray.CreateBuilder<Question>();
        var seen = new HashSet<QuestionId>();
        foreach (var line in JsonLinesFile.ReadLines(file))
        {
            var question = Parse<Question>(file, line);
            var problem = RunEventLog.Check(question)
                ?? (seen.Add(question.Id) ? null : $"question id '{question.Id}' appears more than once.");
            if (problem is not null)
            {
                throw new InvalidInputException(new RecordError(file, line.Number, problem));
            }

            questions.Add(question);
        }

        return questions.ToImmutable();
    }

    private static T Parse<T>(string file, JsonLine line)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line.Utf8.Span, RunFormat.Json)
                ?? throw new InvalidInputException(new RecordError(file, line.Number, "the line is null."));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new InvalidInputException(new RecordError(file, line.Number, $"malformed {typeof(T).Name}: {e.Message}"), inner: e);
        }
    }

    private static void RequireFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new InvalidInputException(
                new RecordError(file, 0, "the file is missing."),
                "A run folder holds manifest.json, questions.jsonl and events.jsonl.");
        }
    }
}
