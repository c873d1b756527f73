using System.Security.Cryptography;
using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Questions;

namespace FutureSim.Corpus.Tests.Questions;

public sealed class BundledQuestionSetTests
{
    private static readonly Lazy<QuestionSetLoadResult> Binary = new(() => QuestionSetLoader.Load(QuestionFiles.ForecastBench, null, QuestionFiles.Failing));
    private static readonly Lazy<QuestionSetLoadResult> FreeForm = new(() => QuestionSetLoader.Load(QuestionFiles.FreeForm, null, QuestionFiles.Failing));

    [Fact]
    public void TheBundledFilesAreDetectedAsTheirOwnFormats()
    {
        Assert.Equal(QuestionFileFormat.ForecastBenchJsonLines, QuestionSetLoader.DetectFormat(QuestionFiles.ForecastBench));
        Assert.Equal(QuestionFileFormat.FreeFormJsonLines, QuestionSetLoader.DetectFormat(QuestionFiles.FreeForm));
    }

    [Fact]
    public void TheForecastBenchSetHas1115BinaryQuestions291YesAnd824No()
    {
        var set = Binary.Value;
        Assert.Equal("forecastbench-binary", set.Name);
        Assert.Empty(set.Skipped);
        Assert.Equal(1115, set.Questions.Length);
        Assert.All(set.Questions, q =>
        {
            Assert.Equal(QuestionKind.Binary, q.Kind);
            Assert.Equal<string>(["Yes", "No"], q.Options);
            Assert.Equal("forecastbench-binary", q.QuestionSet);
            Assert.NotNull(q.Crowd);
            Assert.True(q.OpensAt < SimulatedTime.StartOf(q.ResolutionDate));
        });
        Assert.Equal(291, set.Questions.Count(q => q.Resolution.Answer == QuestionResolution.Yes));
        Assert.Equal(824, set.Questions.Count(q => q.Resolution.Answer == QuestionResolution.No));
        Assert.Equal(1115, set.Questions.Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public void AForecastBenchQuestionKeepsItsDatesCrowdSignalAndOrigin()
    {
        var question = Binary.Value.Questions.Single(q => q.Id.Value == "fb-infer-1285");
        Assert.StartsWith("Will a JCPOA participant country begin the process", question.Title);
        Assert.Equal(new DateTimeOffset(2024, 7, 21, 0, 0, 0, TimeSpan.Zero), question.OpensAt);
        Assert.Equal(new DateOnly(2025, 1, 1), question.ResolutionDate);
        Assert.Equal(QuestionResolution.No, question.Resolution.Answer);
        Assert.Equal(new CrowdForecast(new DateTimeOffset(2024, 7, 12, 0, 0, 0, TimeSpan.Zero), 0.018600000000000002), question.Crowd);
        Assert.Equal("infer", question.Origin);
        Assert.Equal("https://www.infer-pub.com/questions/1285", question.Url);
        Assert.Equal("binary", question.AnswerType);
    }

    [Fact]
    public void ForecastBenchBackgroundsArePlainText()
    {
        var question = Binary.Value.Questions.Single(q => q.Id.Value == "fb-infer-1285");
        Assert.StartsWith("The 2015 Iran nuclear deal (i.e., the “Joint Comprehensive Plan of Action” or “JCPOA”)", question.Background);
        Assert.Contains("(Washington Institute, Iran Watch).", question.Background);
        Assert.Contains("Resolution Criteria: The question will resolve", question.Background);
        Assert.All(Binary.Value.Questions, q =>
        {
            Assert.DoesNotMatch("<(a|div|p|br|li|span|b)\\b|&nbsp;|&amp;|&#x20;|\\s\\s", q.Background);
            Assert.Equal(q.Background.Trim(), q.Background);
        });
    }

    [Fact]
    public void TheFreeFormSetHas164FreeFormQuestionsWithOpenDatesAndAliases()
    {
        var set = FreeForm.Value;
        Assert.Equal("freeform", set.Name);
        Assert.Empty(set.Skipped);
        Assert.Equal(164, set.Questions.Length);
        Assert.All(set.Questions, q =>
        {
            Assert.Equal(QuestionKind.FreeForm, q.Kind);
            Assert.Empty(q.Options);
            Assert.Null(q.Crowd);
            Assert.EndsWith($"Question opened on {SimulatedTime.DayOf(q.OpensAt):yyyy-MM-dd}.", q.Background);
        });

        var first = set.Questions[0];
        Assert.Equal("ff-0001", first.Id.Value);
        Assert.Equal("Madison Keys", first.Resolution.Answer);
        Assert.Equal<string>(["Keys"], first.Resolution.Aliases);
        Assert.Equal("Name (person)", first.AnswerType);
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero), first.OpensAt);
        Assert.Equal(new DateOnly(2025, 1, 25), first.ResolutionDate);
    }

    [Fact]
    public void TheResultCarriesTheSha256OfTheFileAsStored()
    {
        using var stream = File.OpenRead(QuestionFiles.ForecastBench);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stream)), Binary.Value.Sha256);
        Assert.Equal(QuestionFiles.ForecastBench, Binary.Value.Path);
    }

    [Fact]
    public void BothBundledSetsLoadTogetherWithoutIdClashes()
    {
        var sets = QuestionSetLoader.LoadMany(
            [new QuestionFileSource(QuestionFiles.ForecastBench), new QuestionFileSource(QuestionFiles.FreeForm)], QuestionFiles.Failing);
        Assert.Equal([1115, 164], sets.Select(s => s.Questions.Length));
    }

    [Fact]
    public void NoFreeFormAnswerLeaksIntoAnotherFreeFormQuestionOrItself() =>
        Assert.Empty(QuestionLeakScan.Find(FreeForm.Value.Questions));

    [Fact]
    public void ScanningBothBundledSetsTogetherFindsFreeFormAnswersNamedInMarketQuestions()
    {
        var leaks = QuestionLeakScan.Find(Binary.Value.Questions.Concat(FreeForm.Value.Questions));
        Assert.Contains(
            new QuestionLeak(new QuestionId("ff-0178"), "One Battle After Another", new QuestionId("fb-manifold-zUONycg925"), "title",
                "\"One Battle After Another\" wins Best Picture?"),
            leaks);
        Assert.All(leaks, l => Assert.StartsWith("ff-", l.Question.Value));
        Assert.Equal(31, leaks.Select(l => l.Question).Distinct().Count());
    }

    [Fact]
    public void BinaryAnswersAreTooShortToScan() =>
        Assert.Empty(QuestionLeakScan.Find(Binary.Value.Questions));
}
