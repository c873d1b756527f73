using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// Reads CSV per RFC 4180: a header row, comma-separated fields, fields in double quotes may hold commas,
/// line breaks and doubled quotes (<c>""</c>). Lines end in CRLF, LF or CR; blank lines are ignored. A quote
/// inside an unquoted field is kept as text. Each record's line is the line it starts on.
/// A byte-order mark is skipped. Record-level faults (bytes that are not UTF-8, a character after a closing quote, the
/// wrong number of fields) make that record bad
/// and reading goes on at the next line; an unterminated quote runs to the end of the file and is reported
/// at the line where its record starts.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly string _text;
    private readonly SortedSet<long> _notUtf8;
    private int _position;
    private long _line = 1;

    private CsvRecordReader(string text, SortedSet<long> notUtf8)
    {
        _text = text;
        _notUtf8 = notUtf8;
    }

    public static IEnumerable<SourceRecord> Read(string path)
    {
        byte[] bytes;
        using (var stream = JsonLinesFile.OpenRead(path))
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        var body = bytes.AsSpan(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0);
        return new CsvRecordReader(Encoding.UTF8.GetString(body), NotUtf8Lines(body)).ReadAll(path);
    }

    /// <summary>The lines (numbered as the reader numbers them) that hold bytes that are not UTF-8.</summary>
    private static SortedSet<long> NotUtf8Lines(ReadOnlySpan<byte> bytes)
    {
        var lines = new SortedSet<long>();
        long line = 1;
        var counted = 0;
        for (var offset = 0; offset < bytes.Length;)
        {
            var invalid = Utf8Text.FirstInvalidByte(bytes[offset..]);
            if (invalid < 0)
            {
                break;
            }

            var at = offset + invalid;
            for (; counted < at; counted++)
            {
                if (bytes[counted] == (byte)'\n' || (bytes[counted] == (byte)'\r' && (counted + 1 >= bytes.Length || bytes[counted + 1] != (byte)'\n')))
                {
                    line++;
                }
            }

            lines.Add(line);
            offset = at + 1;
        }

        return lines;
    }

    private List<SourceRecord> ReadAll(string path)
    {
        var records = new List<SourceRecord>();
        string[]? header = null;
        while (_position < _text.Length)
        {
            var start = _line;
            var (fields, problem) = ReadRecord();
            if (problem is null && fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (_notUtf8.GetViewBetween(start, Math.Max(start, _line - 1)).Count > 0)
            {
                problem = "the record is not valid UTF-8 text (is the file Latin-1?)";
            }

            if (header is null)
            {
                header = problem is null
                    ? CheckHeader(path, start, fields)
                    : throw new InvalidInputException(new RecordError(path, start, $"unreadable CSV header: {problem}"), "Fix the header row of the file.");
                continue;
            }

            if (problem is null && fields.Count != header.Length)
            {
                problem = $"record has {fields.Count} fields but the header has {header.Length}";
            }

            records.Add(problem is null ? new SourceRecord(start, ToJson(header, fields), null) : SourceRecord.Bad(start, problem));
        }

        return records;
    }

    private static string[] CheckHeader(string path, long line, List<string> fields)
    {
        var names = fields.Select(f => f.Trim()).ToArray();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (name.Length == 0 || !seen.Add(name))
            {
                var problem = name.Length == 0 ? "the header has an empty column name" : $"column '{name}' appears twice in the header";
                throw new InvalidInputException(new RecordError(path, line, problem), "Fix the header row of the file.");
            }
        }

        return names;
    }

    private static JsonElement ToJson(string[] header, List<string> fields)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < header.Length; i++)
            {
                writer.WriteString(header[i], fields[i]);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>Reads one record and its terminating line break; on a fault, skips to the end of the physical line.</summary>
    private (List<string> Fields, string? Problem) ReadRecord()
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            field.Clear();
            if (Peek() == '"')
            {
                var quoteLine = _line;
                _position++;
                while (true)
                {
                    if (_position >= _text.Length)
                    {
                        return (fields, $"unterminated quoted field (the quote opens on line {quoteLine} and is never closed)");
                    }

                    var c = _text[_position];
                    if (c == '"')
                    {
                        if (Peek(1) == '"')
                        {
                            field.Append('"');
                            _position += 2;
                            continue;
                        }

                        _position++;
                        break;
                    }

                    if (!TryConsumeLineBreak())
                    {
                        field.Append(c);
                        _position++;
                        continue;
                    }

                    field.Append('\n');
                }

                if (!AtEnd && _text[_position] is not (',' or '\r' or '\n'))
                {
                    var unexpected = _text[_position];
                    SkipRestOfLine();
                    return (fields, $"unexpected character '{unexpected}' after the closing quote of field {fields.Count + 1}");
                }
            }
            else
            {
                while (_position < _text.Length && _text[_position] is not (',' or '\r' or '\n'))
                {
                    field.Append(_text[_position++]);
                }
            }

            fields.Add(field.ToString());
            if (!AtEnd && _text[_position] == ',')
            {
                _position++;
                continue;
            }

            TryConsumeLineBreak();
            return (fields, null);
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private bool TryConsumeLineBreak()
    {
        switch (Peek())
        {
            case '\r':
                _position += Peek(1) == '\n' ? 2 : 1;
                break;
            case '\n':
                _position++;
                break;
            default:
                return false;
        }

        _line++;
        return true;
    }

    private void SkipRestOfLine()
    {
        while (_position < _text.Length && !TryConsumeLineBreak())
        {
            _position++;
        }
    }
}
