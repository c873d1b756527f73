using Microsoft.Extensions.Logging;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>Keeps every log entry with its level, rendered message and template properties.</summary>
internal sealed class CollectingLogger : ILogger
{
    public List<(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : [];
        Entries.Add((logLevel, formatter(state, exception), properties));
    }
}
