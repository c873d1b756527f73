using System.Text.Json;

namespace FutureSim.Core.Runs;

/// <summary>
/// The writer of the append-only <c>events.jsonl</c>. Days are written whole and flushed to disk, so a killed run
/// leaves complete days followed at most by a partial one. Reading is <see cref="RunFolderReader"/>'s: a resumed
/// run reads the folder like scoring does and opens the log cut after its last completed day.
/// </summary>
public sealed class EventLog : IDisposable
{
    private readonly FileStream stream;

    private EventLog(FileStream stream) => this.stream = stream;

    /// <summary>
    /// Opens the log for appending after its first <paramref name="completedLength"/> bytes (the completed days,
    /// <see cref="RunRecord.CompletedLength"/>), cutting off anything after them.
    /// </summary>
    public static EventLog OpenForAppend(string path, long completedLength)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        if (completedLength < 0 || completedLength > stream.Length)
        {
            stream.Dispose();
            throw new ArgumentOutOfRangeException(nameof(completedLength), completedLength, $"{path} holds only {stream.Length} bytes.");
        }

        stream.SetLength(completedLength);
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
}
