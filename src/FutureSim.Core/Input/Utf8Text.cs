using System.Buffers;
using System.Text;

namespace FutureSim.Core.Input;

/// <summary>Checks that input bytes are UTF-8 text, telling where they are not (a Latin-1 file, a binary file).</summary>
public static class Utf8Text
{
    /// <summary>What to do about a file that is not UTF-8.</summary>
    public const string Advice = "Save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8), or skip invalid records (--skip-invalid).";

    /// <summary>The offset of the first byte that is not part of valid UTF-8, or -1 when all of <paramref name="bytes"/> is valid.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    /// <summary>The problem of a line that is not UTF-8 text, or null when it is.</summary>
    public static string? Problem(ReadOnlySpan<byte> line) =>
        FirstInvalidByte(line) is var at and >= 0
            ? $"the line is not valid UTF-8 text (byte {at + 1} of the line, 0x{line[at]:X2}; is the file Latin-1?)"
            : null;
}
