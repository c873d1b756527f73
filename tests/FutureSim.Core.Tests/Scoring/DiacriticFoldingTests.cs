using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Tests.Scoring;

public sealed class DiacriticFoldingTests
{
    [Theory]
    [InlineData("Ousmane Dembélé", "ousmanedembele")]
    [InlineData("Janez Janša", "janezjansa")]
    [InlineData("Łukasz Żurek-Ørsted", "lukaszzurekorsted")]
    [InlineData("Nguyễn Phú Trọng", "nguyenphutrong")]
    [InlineData("Straße, Æther", "strasseaether")]
    [InlineData("Dembe\u0301le\u0301", "dembele")]
    public void NormalisingRemovesDiacriticsOnEveryMachine(string text, string expected) =>
        Assert.Equal(expected, NormalisingAnswerMatcher.Normalise(text));

    [Fact]
    public void AnAnswerWithoutItsAccentsMatchesTheTruth() =>
        Assert.True(NormalisingAnswerMatcher.Matches("Dembele", new QuestionResolution { Answer = "Ousmane Dembélé", Aliases = ["Dembélé"] }));
}
