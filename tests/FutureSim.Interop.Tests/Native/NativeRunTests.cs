using FutureSim.Core.Input;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Interop.Native;
using FutureSim.Interop.Scoring;
using FutureSim.Interop.Tests.TestData;
using FutureSim.Interop.Traces;
using FutureSim.Interop.Verdicts;

namespace FutureSim.Interop.Tests.Native;

public sealed class NativeRunTests
{
    [Fact]
    public async Task ExportingThenImportingGivesTheSameScores()
    {
        using var folder = new TempFolder();
        PublishedFolder.Write(folder.Sub("data"));
        await TraceImporter.ImportAsync(new TraceImportOptions { DataFolder = folder.Sub("data"), OutputFolder = folder.Sub("runs") }, CancellationToken.None);
        var original = Path.Combine(folder.Sub("runs"), "a-r00");

        await FutureSimRunExporter.ExportAsync(RunFolderReader.Read(original), Matcher(original), folder.Sub("native"), CancellationToken.None);
        var import = FutureSimRunImporter.Import(new FutureSimRunImportOptions { RunDirectory = folder.Sub("native"), OutputFolder = folder.Sub("back") });

        Assert.Equal(3, import.Questions);
        Assert.Equal(await FutureSimDaily(original), await FutureSimDaily(folder.Sub("back")));
        Assert.Equal(await OurDaily(original), await OurDaily(folder.Sub("back")));
        var reported = Assert.Single(import.Reported!.Runs);
        Assert.Equal("a", reported.Agent);
        Assert.Equal(0.4379, reported.Daily[new DateOnly(2026, 3, 28)].Bss);
    }

    [Fact]
    public async Task AHandWrittenNativeRunIsReadWithFutureSimsQuestionAliasesAndItsMatcherCache()
    {
        using var folder = new TempFolder();
        var run = folder.Sub("native");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "config.json"), """{"start_date": "2026-01-03", "end_date": "2026-01-06", "lookback_days": 2, "timegap_days": 1}""");
        File.WriteAllText(Path.Combine(run, "actions.jsonl"), """
            {"sim_date": "2026-01-01", "type": "prediction", "agent_id": "m", "question_id": "7", "outcomes": {"Kyiv": 0.6, "Lviv": 0.2}}
            {"sim_date": "2026-01-02", "type": "prediction", "agent_id": "m", "question_id": "8", "outcomes": {"UK": 0.5}}
            {"sim_date": "2026-01-04", "type": "resolution", "question_id": "7", "ground_truth": "Kiev", "agent_scores": {"m": 0.8}}
            {"sim_date": "2026-01-05", "type": "prediction", "agent_id": "m", "question_id": "7", "outcomes": {"Lviv": 1.0}}

            """);
        File.WriteAllText(Path.Combine(run, "matcher.jsonl"),
            """{"timestamp": "2026-05-01T00:00:00", "input": {"type": "free_form", "predicted": "Kyiv", "ground_truth": "Kiev", "question_id": "7"}, "output": {"response": "Yes", "is_equivalent": true}, "metadata": {}}""" + "\n");
        File.WriteAllText(folder.Sub("questions.csv"), "question_id,question_title,close_time,resolution\n7,Which city?,2026-01-04,Kiev\n8,Which country?,2026-01-10T12:00:00Z,United Kingdom\n");

        var import = FutureSimRunImporter.Import(new FutureSimRunImportOptions { RunDirectory = run, QuestionsFile = folder.Sub("questions.csv"), OutputFolder = folder.Sub("out") });

        var record = RunFolderReader.Read(folder.Sub("out"));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 6)], [record.Days[0], record.Days[^1]]);
        Assert.Equal(["Which city?", "Which country?"], record.Questions.Select(q => q.Title));
        Assert.Equal(1, import.Refused); // the forecast on question 7 after it resolved
        Assert.Equal(1, import.Verdicts);
        var scores = await FutureSimDaily(folder.Sub("out"));
        Assert.Equal((1 - (0.16 + 0.04) + (1 - 0.25 - 1)) / 2, scores[^1].BrierSkillScore, 9); // Kyiv accepted as Kiev; UK not United Kingdom
        Assert.Equal("futuresim-run", record.Manifest.ImportedFrom!.Format);
    }

    [Fact]
    public void AMalformedActionsLineNamesTheFileAndLineAndSkipInvalidCountsIt()
    {
        using var folder = new TempFolder();
        var run = folder.Sub("native");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "actions.jsonl"), """
            {"sim_date": "2026-01-01", "type": "prediction", "agent_id": "m", "question_id": "7", "outcomes": {"A": 0.5}}
            {"sim_date": "2026-01-01", "type": "prediction", "agent_id": "m", "question_id": "7", "outcomes": {"A": 7}}
            {"sim_date": "2026-01-02", "type": "resolution", "question_id": "7", "ground_truth": "A"}

            """);

        var error = Assert.Throws<InvalidInputException>(() => FutureSimRunImporter.Import(new FutureSimRunImportOptions { RunDirectory = run, OutputFolder = folder.Sub("out") }));
        Assert.Contains("actions.jsonl:2:", error.Message, StringComparison.Ordinal);

        var import = FutureSimRunImporter.Import(new FutureSimRunImportOptions { RunDirectory = run, OutputFolder = folder.Sub("out2"), SkipInvalid = true });
        Assert.Equal(2, Assert.Single(import.Skipped).Line);
        Assert.Equal(1, import.Forecasts);
    }

    private static IAnswerMatcher Matcher(string runFolder) => RecordedVerdictMatcher.For(runFolder, NormalisingAnswerMatcher.Instance);

    private static async Task<List<FutureSimDailyPoint>> FutureSimDaily(string runFolder) =>
        [.. Assert.Single(await FutureSimDailyScorer.ScoreAsync(RunFolderReader.Read(runFolder), Matcher(runFolder), CancellationToken.None)).Daily];

    /// <summary>Our daily_metrics.csv without its <c>refusals</c> column (FutureSim's actions.jsonl records no refusals).</summary>
    private static async Task<List<string>> OurDaily(string runFolder) =>
        [.. DailyMetricsCsv.Render(await RunScorer.ScoreAsync(RunFolderReader.Read(runFolder), Matcher(runFolder), ScoringOptions.Default, CancellationToken.None))
            .Split('\n').Select(line => string.Join(',', line.Split(',').Where((_, i) => i != 6)))];
}
