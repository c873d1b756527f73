using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;

namespace FutureSim.Core.Runs;

/// <summary>
/// The append-only <c>events.jsonl</c>. Days are written whole and flushed to disk, so a killed run
/// leaves complete days followed at most by a partial one, which <see cref="OpenForResume"/> cuts off.
/// </summary>
public sealed class EventLog : IDisposable
{
    private readonly FileStream stream;

    private EventLog(FileStream stream) => this.stream = stream;

    /// <summary>
    /// Reads the events of the completed days (up to the last <c>day_completed</c> or <c>run_completed</c>),
    /// truncates anything after them and opens the log for appending.
    /// </summary>
    public static EventLog OpenForResume(string path, out ImmutableArray<RunEvent> completed)
    {
        var events = ImmutableArray.CreateBuilder<RunEvent>();
        var kept = 0;
        long keptBytes = 0;
        long bytes = 0;
        using (var reader = new StreamReader(path, new UTF8Encoding(false)))
        {
            long number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                var terminated = !reader.EndOfStream || EndsWithNewline(path);
                bytes += Encoding.UTF8.GetByteCount(line) + 1;
                RunEvent? runEvent;
                try
                {
                    runEvent = JsonSerializer.Deserialize<RunEvent>(line, RunFormat.Json);
                }
                catch (Exception e) when ((e is JsonException or NotSupportedException) && !terminated)
                {
                    _ = e; // a line cut off by a kill: it belongs to an incomplete day and is dropped below
                    break;
                }
                catch (Exception e) when (e is JsonException or NotSupportedException)
                {
                    throw new InvalidInputException(new RecordError(path, number, $"is not a valid run event: {e.Message}"), null, e);
                }

                events.Add(runEvent ?? throw new InvalidInputException(new RecordError(path, number, "is null.")));
                if (runEvent is DayCompleted or RunCompleted)
                {
                    kept = events.Count;
                    keptBytes = bytes;
                }
            }
        }

        completed = events.ToImmutable()[..kept];
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(keptBytes);
        stream.Seek(0, SeekOrigin.End);
        return new EventLog(stream);
    }

    /// <summary>Appends the events of one day and flushes them to disk.</summary>
    public void Append(IEnumerable<RunEvent> events)
    {
        var buffer = new MemoryStream();
        foreach (var runEvent in events)
        {
            JsonSerializer.Serialize(buffer, runEvent, RunFormat.Json);
            buffer.WriteByte((byte)'\n');
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
        stream.Flush(flushToDisk: true);
    }

    public void Dispose() => stream.Dispose();

    private static bool EndsWithNewline(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (file.Length == 0)
        {
            return true;
        }

        file.Seek(-1, SeekOrigin.End);
        return file.ReadByte() == '\n';
    }
}
