namespace FutureSim.Core.Input;

/// <summary>
/// One non-blank line of a JSON Lines file: its 1-based number, its UTF-8 bytes (valid until the next line is
/// read) and <see cref="End"/>, the offset in the (decompressed) data just after the line and its line break.
/// </summary>
public readonly record struct JsonLine(long Number, ReadOnlyMemory<byte> Utf8, long End = 0);
