using FutureSim.Interop.Tests.TestData;
using FutureSim.Interop.Traces;

namespace FutureSim.Interop.Tests.Traces;

public sealed class McpDayReplayTests
{
    [Fact]
    public void AForecastCountsOnTheDayOfTheFirstNextDayCallNotOnItsShardLabel()
    {
        // The second day's events carry a wrong label (as when an agent printed an old "Day advanced to" line).
        var fixture = new TraceFixture()
            .Recorded("2025-12-24", "s1", "q1", ("A", 0.6))
            .Advance("2025-12-24", "n1", "2025-12-25")
            .Recorded("2025-12-30", "s2", "q1", ("B", 0.7))
            .Advance("2025-12-30", "n2", "2025-12-26");

        var trace = TestData.Traces.Read(fixture);

        Assert.Equal(["12-24 q1 A", "12-25 q1 B"], TestData.Traces.Delivered(trace));
    }

    [Fact]
    public void TheLastAcceptedForecastOfADayWinsAndRefusedOnesDoNot()
    {
        var fixture = new TraceFixture()
            .Recorded("2025-12-24", "s1", "q1", ("A", 0.6))
            .Recorded("2025-12-24", "s2", "q1", ("B", 0.6))
            .Submit("2025-12-24", "s3", "q1", ("C", 0.1), ("D", 0.1), ("E", 0.1), ("F", 0.1), ("G", 0.1), ("H", 0.1))
            .Result("2025-12-24", "s3", "Error: 6 outcomes exceeds maximum of 5 per question")
            .Submit("2025-12-24", "s4", "q7", ("A", 0.5))
            .Result("2025-12-24", "s4", "Error: question_id 'q7' is not an active question in market.csv.")
            .Advance("2025-12-24", "n1", "2025-12-25");

        var trace = TestData.Traces.Read(fixture);

        Assert.Equal(["12-24 q1 B"], TestData.Traces.Delivered(trace));
        Assert.Equal([RefusalKind.McpTooManyOutcomes, RefusalKind.McpInactiveQuestion], trace.Replay.Refusals.Select(r => r.Kind));
    }

    [Fact]
    public void ExpectingValueDeliversWithoutAdvancingAndForecastsBeforeTheRetryAreLost()
    {
        var fixture = new TraceFixture()
            .Recorded("2025-12-24", "s1", "q1", ("A", 0.6))
            .NextDay("2025-12-24", "n1").Result("2025-12-24", "n1", "Error executing tool next_day: Expecting value: line 1 column 1 (char 0)")
            .Recorded("2025-12-24", "s2", "q2", ("B", 0.6))
            .Advance("2025-12-24", "n2", "2025-12-25")
            .Recorded("2025-12-25", "s3", "q3", ("C", 0.6))
            .Advance("2025-12-25", "n3", "2025-12-26");

        var trace = TestData.Traces.Read(fixture);

        Assert.Equal(["12-24 q1 A", "12-25 q3 C"], TestData.Traces.Delivered(trace));
        Assert.Equal(1, trace.Replay.Statistics.RetriedNextDays);
        Assert.Equal(1, trace.Replay.Statistics.Lost);
    }

    [Fact]
    public void AReplyTooLargeForTheHarnessAdvancesTheDayByOne()
    {
        var fixture = new TraceFixture()
            .Recorded("2025-12-24", "s1", "q1", ("A", 0.6))
            .NextDay("2025-12-24", "n1").Result("2025-12-24", "n1", "Error: result (76,350 characters) exceeds maximum allowed tokens. Output has been saved to /tmp/x")
            .Recorded("2025-12-25", "s2", "q2", ("B", 0.6))
            .Advance("2025-12-25", "n2", "2025-12-26");

        Assert.Equal(["12-24 q1 A", "12-25 q2 B"], TestData.Traces.Delivered(TestData.Traces.Read(fixture)));
    }

    [Fact]
    public void WithCodexEveryNextDayCallEndsTheDayAndAReusedIdClosesTheOlderCall()
    {
        var fixture = new TraceFixture("Codex")
            .Recorded("2025-12-24", "item_1", "q1", ("A", 0.6))
            .NextDay("2025-12-24", "item_2") // returns at once, with no result
            .Submit("2025-12-25", "item_1", "q2", ("Lost", 0.5)) // never answered: closed by the next call with its id
            .Submit("2025-12-25", "item_1", "q3", ("C", 0.6))
            .Result("2025-12-25", "item_1", "Prediction recorded for question q3: {'C': 0.6}")
            .NextDay("2025-12-25", "item_2");

        var trace = TestData.Traces.Read(fixture);

        Assert.Equal(["12-24 q1 A", "12-25 q3 C"], TestData.Traces.Delivered(trace));
        Assert.Equal(2, trace.Replay.Statistics.DaysAdvanced);
    }

    [Fact]
    public void OpenCodeResultsInTheCallsOwnEventAreRead()
    {
        var fixture = new TraceFixture("OpenCode")
            .SubmitWithResult("2025-12-24", "c1", "q1", "Prediction recorded for question q1: {'A': 0.6}", ("A", 0.6))
            .NextDay("2025-12-24", "c2").Result("2025-12-24", "c2", "Day advanced to 2025-12-25.\n");

        Assert.Equal(["12-24 q1 A"], TestData.Traces.Delivered(TestData.Traces.Read(fixture)));
    }

    [Fact]
    public void ANewSessionIsANewServerThatLosesPendingForecastsAndStartsOnItsLabel()
    {
        var fixture = new TraceFixture()
            .Recorded("2025-12-24", "s1", "q1", ("A", 0.6))
            .Advance("2025-12-24", "n1", "2025-12-25")
            .Recorded("2025-12-25", "s2", "q2", ("Lost", 0.6))
            .Session("session-2")
            .Recorded("2025-12-28", "s3", "q3", ("C", 0.6))
            .Advance("2025-12-28", "n2", "2025-12-29");

        var trace = TestData.Traces.Read(fixture);

        Assert.Equal(["12-24 q1 A", "12-28 q3 C"], TestData.Traces.Delivered(trace));
        Assert.Equal(1, trace.Replay.Statistics.Restarts);
        Assert.Equal(1, trace.Replay.Statistics.Lost);
    }

    [Fact]
    public void ForecastsOnlyInTheExportedWorkspaceAreAddedForDaysTheTraceDidNotDeliverThem()
    {
        using var folder = new TempFolder();
        var fixture = new TraceFixture()
            .Recorded("2025-12-24", "s1", "q1", ("A", 0.6))
            .Advance("2025-12-24", "n1", "2025-12-25");
        var entry = fixture.Write(folder.Path, "agent", "run-1", "r00");
        TraceFixture.WriteWorkspacePredictions(folder.Path, "agent", "run-1", "2025-12-24", ("q1", [("A", 0.6)]), ("q2", [("Hidden", 0.4)]));

        var trace = TraceRunReader.Read(folder.Path, TestData.Traces.Published(entry), skipInvalid: false);

        Assert.Equal(["12-24 q1 A", "12-24 q2 Hidden (workspace)"], TestData.Traces.Delivered(trace));
        Assert.True(trace.HasWorkspacePredictions);
    }
}
