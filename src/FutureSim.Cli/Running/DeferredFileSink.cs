using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace FutureSim.Cli.Running;

/// <summary>
/// A log sink that starts writing to a file once the file is known: the run folder's <c>run.log</c> is
/// decided after configuration has been read, but every event from then on belongs in it.
/// </summary>
internal sealed class DeferredFileSink : ILogEventSink, IDisposable
{
    private Logger? file;

    public void Open(string path)
    {
        file?.Dispose();
        file = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(
                path,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();
    }

    public void Emit(LogEvent logEvent) => file?.Write(logEvent);

    public void Dispose() => file?.Dispose();
}
