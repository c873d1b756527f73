namespace FutureSim.Core.Input;

/// <summary>One non-blank line of a JSON Lines file: its 1-based number and its UTF-8 bytes (valid until the next line is read).</summary>
public readonly record struct JsonLine(long Number, ReadOnlyMemory<byte> Utf8);
