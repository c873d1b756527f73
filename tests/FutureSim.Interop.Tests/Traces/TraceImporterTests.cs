using FutureSim.Core.Input;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Interop.Scoring;
using FutureSim.Interop.Tests.TestData;
using FutureSim.Interop.Traces;
using FutureSim.Interop.Verdicts;

namespace FutureSim.Interop.Tests.Traces;

public sealed class TraceImporterTests(ImportedFolder imported) : IClassFixture<ImportedFolder>
{
    [Fact]
    public void TheQuestionSetIsRecoveredFromResolveListsAndPrintedResults()
    {
        var report = imported.Report;

        Assert.Equal(3, report.Questions);
        var questions = RunFolderReader.ReadQuestions(Path.Combine(imported.Runs, "a-r00", RunFolderLayout.Questions));
        Assert.Equal(
            ["q1 Who wins A? 2025-12-26 Alice", "q2 Which city B? 2025-12-27 Paris", "q3 Who leads C? 2025-12-27 SDF"],
            questions.Select(q => $"{q.Id} {q.Title} {q.ResolutionDate:yyyy-MM-dd} {q.Resolution.Answer}"));
    }

    [Fact]
    public void ForecastsTheEnvironmentRejectedAreRefusalsAndTheRestAreForecastEvents()
    {
        var report = imported.Report;

        var run = RunFolderReader.Read(Path.Combine(imported.Runs, "a-r00"));
        Assert.Equal(["2025-12-24 q1", "2025-12-24 q2", "2025-12-24 q3"], run.Events.OfType<ForecastSubmitted>().Select(f => $"{f.Day:yyyy-MM-dd} {f.QuestionId}"));
        Assert.Equal(
            ["2025-12-25 q9", "2025-12-26 q1"],
            run.Events.OfType<ForecastRefused>().Select(r => $"{r.Day:yyyy-MM-dd} {r.QuestionId}"));
        Assert.All(run.Events.OfType<ForecastRefused>(), r => Assert.StartsWith("[environment:inactive-question]", r.Reason, StringComparison.Ordinal));
        Assert.Equal(2, report.Runs[0].RefusedByEnvironment);
        Assert.True(run.IsComplete);
        Assert.Equal(95, run.Days.Length);
    }

    [Fact]
    public async Task VerdictsAreInferredFromThePrintedBrierAndTheExactTruthCountsFirst()
    {

        var runFolder = Path.Combine(imported.Runs, "a-r00");
        var verdicts = RunVerdicts.Read(Path.Combine(runFolder, RunVerdicts.FileName));
        var alicia = Assert.Single(verdicts);
        Assert.Equal(("alicia", "alice", true, "q1"), (alicia.Outcome, alicia.Truth, alicia.Match, alicia.QuestionId));
        Assert.Equal(RunVerdicts.InferredJudge, alicia.Judge);

        // q1 0.66 (Alicia accepted), q2 0.80, q3 exact "SDF" listed second: 1 − (0.58² + 0.9²) = −0.1464, top-1 wrong.
        var scores = await Score(runFolder);
        var last = scores.Daily[^1];
        Assert.Equal((0.66 + 0.8 - 0.1464) / 3, last.BrierSkillScore, 9);
        Assert.Equal(200.0 / 3, last.Top1Accuracy, 9);
    }

    [Fact]
    public async Task WithTheStringMatcherNoVerdictsAreWrittenAndAliciaDoesNotMatch()
    {
        using var folder = new TempFolder();
        PublishedFolder.Write(folder.Sub("data"));

        await Import(folder, VerdictSource.String);

        var runFolder = Path.Combine(folder.Sub("runs"), "a-r00");
        Assert.False(File.Exists(Path.Combine(runFolder, RunVerdicts.FileName)));
        Assert.Equal((-0.34 + 0.8 - 0.1464) / 3, (await Score(runFolder)).Daily[^1].BrierSkillScore, 9);
    }

    [Fact]
    public async Task AWorkspaceOnlyForecastIsImportedAndTheProvenanceNamesTheRun()
    {
        var report = imported.Report;

        var run = RunFolderReader.Read(Path.Combine(imported.Runs, "b-r00"));
        Assert.Equal(["2025-12-24 q1", "2025-12-25 q2"], run.Events.OfType<ForecastSubmitted>().Select(f => $"{f.Day:yyyy-MM-dd} {f.QuestionId}"));
        Assert.Equal(1, report.Runs[1].WorkspaceForecasts);
        var provenance = run.Manifest.ImportedFrom!;
        Assert.Equal("futuresim-traces", provenance.Format);
        Assert.Equal("run-b", provenance.Details["official_run_id"]);
        Assert.Equal("r00", provenance.Details["seed_label"]);
        Assert.Equal(64, provenance.Sha256.Length);
        Assert.Equal((0.64 + 1.0) / 3, (await Score(Path.Combine(imported.Runs, "b-r00"))).Daily[^1].BrierSkillScore, 9);
    }

    [Fact]
    public async Task TheReportComparesWithThePublishedValuesAndNamesDaysThatDiffer()
    {
        using var folder = new TempFolder();
        PublishedFolder.Write(folder.Sub("data"), publishedFinalBssOfA: 0.4379);

        var report = await Import(folder);

        var a = report.Runs[0];
        Assert.Equal(0.4379, a.Final.PublishedBss);
        Assert.Equal(new DateOnly(2025, 12, 24), Assert.Single(a.UnmatchedDays).Day);
        Assert.Contains("| a | r00 | run-a |", TraceImportReportText.Markdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingTwiceGivesByteIdenticalFolders()
    {
        using var folder = new TempFolder();
        PublishedFolder.Write(folder.Sub("data"));

        await Import(folder, output: "one");
        await Import(folder, output: "two");

        var one = Directory.GetFiles(folder.Sub("one"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Sub("one"), f)).Order().ToList();
        Assert.NotEmpty(one);
        Assert.Equal(one, Directory.GetFiles(folder.Sub("two"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Sub("two"), f)).Order());
        Assert.All(one, f => Assert.Equal(File.ReadAllBytes(Path.Combine(folder.Sub("one"), f)), File.ReadAllBytes(Path.Combine(folder.Sub("two"), f))));
    }

    [Fact]
    public async Task AMalformedShardNamesTheFileAndTheEventAndSkipInvalidSkipsAndCountsIt()
    {
        using var folder = new TempFolder();
        PublishedFolder.Write(folder.Sub("data"));
        var shard = Path.Combine(folder.Sub("data"), "runs", "a", "run-a", "2025-12-25.json");
        File.WriteAllText(shard, """{"sim_date": "2025-12-25", "events": [{"idx": 1, "blocks": []}, {"kind": "user", "blocks": []}]}""");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Import(folder));
        Assert.Contains(shard, error.Message, StringComparison.Ordinal);
        Assert.Contains("event 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("idx", error.Message, StringComparison.Ordinal);

        var report = await Import(folder, skipInvalid: true);
        Assert.Equal(1, report.SkippedShards);
        Assert.Contains(shard, Assert.Single(report.Runs[0].SkippedShards), StringComparison.Ordinal);
    }

    private static Task<TraceImportReport> Import(TempFolder folder, VerdictSource verdicts = VerdictSource.Inferred, string output = "runs", bool skipInvalid = false) =>
        TraceImporter.ImportAsync(
            new TraceImportOptions { DataFolder = folder.Sub("data"), OutputFolder = folder.Sub(output), Verdicts = verdicts, SkipInvalid = skipInvalid },
            CancellationToken.None);

    private static async Task<FutureSimRunScores> Score(string runFolder) =>
        Assert.Single(await FutureSimDailyScorer.ScoreAsync(
            RunFolderReader.Read(runFolder), RecordedVerdictMatcher.For(runFolder, NormalisingAnswerMatcher.Instance), CancellationToken.None));
}
