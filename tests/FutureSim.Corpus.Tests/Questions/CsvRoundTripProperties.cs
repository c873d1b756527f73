using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FutureSim.Corpus.Questions;

namespace FutureSim.Corpus.Tests.Questions;

public sealed class CsvRoundTripProperties
{
    private static readonly char[] Alphabet = ['a', 'Z', '7', ' ', ',', '"', '\n', '\r', '\t', 'é', '|', '[', ';'];

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>Any text written per RFC 4180 reads back the same (line breaks as LF, outer whitespace trimmed).</summary>
    [Property(MaxTest = 60)]
    public Property QuotedTextReadsBackUnchanged() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(Alphabet)).Select(chars => new string(chars)).ToArbitrary(),
            Gen.Elements("\n", "\r\n").ToArbitrary(),
            (text, newline) =>
            {
                var csv = new StringBuilder("qid,title,background,resolution_date,answer").Append(newline);
                csv.Append("q1,").Append(Quote("T " + text)).Append(',').Append(Quote(text)).Append(",2026-01-15,Ann").Append(newline);
                csv.Append("q2,Second,,2026-01-15,").Append(Quote(text + " B"));
                var question = QuestionSetLoader.Load(QuestionFiles.Write("questions.csv", csv.ToString()), null, QuestionFiles.Failing).Questions;
                var expected = text.Replace("\r\n", "\n").Replace('\r', '\n');
                return question.Length == 2
                    && question[0].Title == ("T " + expected).Trim()
                    && question[0].Background == expected.Trim()
                    && question[1].Resolution.Answer == (expected + " B").Trim();
            });
}
