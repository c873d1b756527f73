using System.Collections.Immutable;
using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Questions;

namespace FutureSim.Corpus.Tests.Questions;

public sealed class QuestionLeakScanTests
{
    private static Question Make(string id, string title, string opens, string resolves, string answer = "Nobody", string background = "", params string[] aliases) => new()
    {
        Id = new QuestionId(id),
        Title = title,
        Background = background,
        Kind = QuestionKind.FreeForm,
        OpensAt = SimulatedTime.StartOf(DateOnly.Parse(opens)),
        ResolutionDate = DateOnly.Parse(resolves),
        Resolution = new QuestionResolution { Answer = answer, Aliases = [.. aliases] },
    };

    [Fact]
    public void AnAnswerInTheTitleOfAQuestionListedBeforeItResolvesIsFound()
    {
        var leaks = QuestionLeakScan.Find([
            Make("a", "Who will win the final?", "2025-01-01", "2025-01-25", answer: "Madison Keys"),
            Make("b", "Will MADISON KEYS reach the semi-final?", "2025-01-10", "2025-01-20"),
        ]);
        var leak = Assert.Single(leaks);
        Assert.Equal(new QuestionLeak(new QuestionId("a"), "Madison Keys", new QuestionId("b"), "title", "Will MADISON KEYS reach the semi-final?"), leak);
        Assert.False(leak.InOwnQuestion);
    }

    [Fact]
    public void AnAliasInABackgroundIsFoundWhateverItsDiacriticsAndPunctuation()
    {
        var leaks = QuestionLeakScan.Find([
            Make("a", "Who will be prime minister?", "2025-01-01", "2025-03-01", answer: "Janez Janša", aliases: ["Janša"]),
            Make("b", "Will the coalition hold?", "2025-02-01", "2025-04-01", background: "Polls favour janez-jansa's party."),
        ]);
        Assert.Equal(["Janez Janša", "Janša"], leaks.Select(l => l.Term));
        Assert.All(leaks, l => Assert.Equal("background", l.Field));
    }

    [Fact]
    public void QuestionsOpeningOnOrAfterTheResolutionDayDoNotCount() =>
        Assert.Empty(QuestionLeakScan.Find([
            Make("a", "Who will win?", "2025-01-01", "2025-01-25", answer: "Madison Keys"),
            Make("b", "Will Madison Keys defend her title?", "2025-01-25", "2026-01-25"),
        ]));

    [Fact]
    public void PartsOfLongerWordsDoNotCount() =>
        Assert.Empty(QuestionLeakScan.Find([
            Make("a", "Who will be mayor?", "2025-01-01", "2025-03-01", answer: "Ward", aliases: ["India"]),
            Make("b", "Which film wins the most awards in Indianapolis?", "2025-01-01", "2025-03-01"),
        ]));

    [Fact]
    public void AnswersOfThreeCharactersOrFewerAreNotScanned() =>
        Assert.Empty(QuestionLeakScan.Find([
            Make("a", "Which country hosts?", "2025-01-01", "2025-03-01", answer: "UK", aliases: ["GB", "Yes"]),
            Make("b", "Will the UK and GB say Yes?", "2025-01-01", "2025-03-01"),
        ]));

    [Fact]
    public void AnAnswerInItsOwnQuestionIsFound()
    {
        var leak = Assert.Single(QuestionLeakScan.Find([
            Make("a", "Who wins the Ballon d'Or?", "2025-01-01", "2025-03-01", answer: "Ousmane Dembélé",
                background: "Contenders include Ousmane Dembele and others."),
        ]));
        Assert.True(leak.InOwnQuestion);
        Assert.Equal("background", leak.Field);
        Assert.Contains("Ousmane Dembele", leak.Excerpt);
    }

    [Fact]
    public void ARepeatedMentionIsReportedOncePerTextAndTerm() =>
        Assert.Single(QuestionLeakScan.Find([
            Make("a", "Who wins?", "2025-01-01", "2025-03-01", answer: "Tisza"),
            Make("b", "Tisza or Fidesz?", "2025-01-01", "2025-03-01", background: "Tisza leads. Tisza grows. Tisza."),
        ]), l => l.Field == "background");

    [Fact]
    public void BinaryAnswersNeverLeak() =>
        Assert.Empty(QuestionLeakScan.Find([
            Make("a", "Will it rain?", "2025-01-01", "2025-03-01", answer: QuestionResolution.Yes) with { Kind = QuestionKind.Binary, Options = ImmutableArray.Create("Yes", "No") },
            Make("b", "Yes or no?", "2025-01-01", "2025-03-01", background: "Yes, no."),
        ]));
}
