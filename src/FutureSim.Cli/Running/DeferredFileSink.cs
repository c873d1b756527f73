using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace FutureSim.Cli.Running;

/// <summary>
/// A log sink that starts writing to a file once the file is known: the run folder's <c>run.log</c> is
/// decided after configuration has been read, but every event from then on belongs in it. Runs executed
/// side by side (a sweep) each open their file inside their own <see cref="Scope"/>: the events logged in a
/// scope's asynchronous flow go to its file, the others to the file opened outside any scope.
/// </summary>
internal sealed class DeferredFileSink : ILogEventSink, IDisposable
{
    private readonly AsyncLocal<Holder?> scoped = new();
    private readonly Holder shared = new();

    /// <summary>Starts writing the events of the current scope (or, outside any scope, of the whole process) to <paramref name="path"/>, appending.</summary>
    public void Open(string path) => (scoped.Value ?? shared).Open(path);

    /// <summary>Begins a scope for the current asynchronous flow: a file opened within it receives only that flow's events. Dispose it to close the file.</summary>
    public IDisposable Scope()
    {
        var holder = new Holder();
        scoped.Value = holder;
        return holder;
    }

    public void Emit(LogEvent logEvent) => (scoped.Value ?? shared).Write(logEvent);

    public void Dispose() => shared.Dispose();

    private sealed class Holder : IDisposable
    {
        private readonly Lock gate = new();
        private Logger? file;

        public void Open(string path)
        {
            var opened = new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .WriteTo.File(
                    path,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture)
                .CreateLogger();
            Logger? previous;
            lock (gate)
            {
                previous = file;
                file = opened;
            }

            previous?.Dispose();
        }

        public void Write(LogEvent logEvent)
        {
            lock (gate)
            {
                file?.Write(logEvent);
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                file?.Dispose();
                file = null;
            }
        }
    }
}
