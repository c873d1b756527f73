using FutureSim.Corpus.Questions;

namespace FutureSim.Corpus.Tests.Questions;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>First.</p><p>Second.</p>", "First. Second.")]
    [InlineData("See (<a href=\"x\">Reuters</a>, <b>AP</b>).", "See (Reuters, AP).")]
    [InlineData("Price&nbsp;&amp;&#x20;volume &lt;b&gt;", "Price & volume <b>")]
    [InlineData("\r\n   Lines\r\n\r\n  and\tspaces  ", "Lines and spaces")]
    [InlineData("A<br>B<br/>C<li>D</li>", "A B C D")]
    [InlineData("Keep <!-- hidden --> this<script>var x = 1;</script> text", "Keep this text")]
    [InlineData("Resolves if p < 0.05 and fee <$10", "Resolves if p < 0.05 and fee <$10")]
    [InlineData(null, "")]
    public void HtmlBecomesPlainText(string? html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));
}
