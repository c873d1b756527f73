using Microsoft.Extensions.Logging;

namespace FutureSim.Cli.Running;

/// <summary>
/// Holds log entries while a live status line owns the terminal (a line written under it would leave a stale
/// copy of the status behind), and passes them on, in order, when <see cref="Release"/> is called.
/// </summary>
internal sealed class HeldLogger(ILogger target) : ILogger
{
    private readonly List<Action> _held = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => target.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => target.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_held)
        {
            _held.Add(() => target.Log(logLevel, eventId, state, exception, formatter));
        }
    }

    public void Release()
    {
        lock (_held)
        {
            foreach (var entry in _held)
            {
                entry();
            }

            _held.Clear();
        }
    }
}
