using FutureSim.Cluster.Contracts;
using FutureSim.Cluster.Grains;
using FutureSim.Core.Articles;
using FutureSim.Core.Runs;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.Time.Testing;

namespace FutureSim.Cluster.Tests.Grains;

public sealed class SweepLedgerTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SweepGrainState state = new();

    [Fact]
    public void ALeaseNotRenewedExpiresAndOnlyTheNewHolderMayRenewOrCompleteTheRun()
    {
        var ledger = Submitted("a", "b");
        var first = ledger.Claim("w1", [], Lease)!.LeaseId;
        time.Advance(Lease / 2);
        Assert.Empty(ledger.Renew("w1", [new LeaseRenewal("a", first, 3)], Lease));

        time.Advance(Lease);
        Assert.Equal([("a", (string?)"w1")], ledger.Expire());
        var second = ledger.Claim("w2", [], Lease)!;

        Assert.Equal("a", second.RunId);
        Assert.NotEqual(first, second.LeaseId);
        Assert.Equal(["a"], ledger.Renew("w1", [new LeaseRenewal("a", first, 4)], Lease));
        Assert.False(ledger.Complete("w1", "a", first));
        Assert.False(ledger.Release("w1", "a", first, "stopping"));
        Assert.True(ledger.Complete("w2", "a", second.LeaseId));
        var run = ledger.Snapshot("s").Runs[0];
        Assert.Equal((RunPhase.Completed, 2), (run.Phase, run.Attempts));
        Assert.Equal(["w1", "w2"], run.Workers);
    }

    [Fact]
    public void RenewedLeasesDoNotExpireAndEveryRunIsLeasedOnceInPlanOrder()
    {
        var ledger = Submitted("a", "b", "c");
        var a = ledger.Claim("w1", [], Lease)!;
        var b = ledger.Claim("w2", [], Lease)!;
        for (var i = 0; i < 10; i++)
        {
            time.Advance(Lease / 4);
            Assert.Empty(ledger.Renew("w1", [new LeaseRenewal("a", a.LeaseId, i)], Lease));
            Assert.Empty(ledger.Renew("w2", [new LeaseRenewal("b", b.LeaseId, i)], Lease));
            Assert.Empty(ledger.Expire());
        }

        Assert.Equal(["a", "b", "c"], new[] { a.RunId, b.RunId, ledger.Claim("w1", [], Lease)!.RunId });
        Assert.Null(ledger.Claim("w3", [], Lease));
    }

    [Fact]
    public void AWorkerThatCannotVerifyACorpusIsOfferedOnlyRunsOfOtherCorpora()
    {
        var ledger = Submitted("a", "b");
        state.Runs[0].Fingerprint = "f-a";

        Assert.Equal("b", ledger.Claim("w1", ["f-a"], Lease)!.RunId);
        Assert.Null(ledger.Claim("w1", ["f-a"], Lease));
        Assert.Equal("a", ledger.Claim("w2", [], Lease)!.RunId);
    }

    [Fact]
    public void CancellingRevokesEveryLeaseAndTheSamePlanSubmittedAgainGoesOnAndRetriesFailedRuns()
    {
        var ledger = Submitted("a", "b", "c");
        var a = ledger.Claim("w1", [], Lease)!;
        var b = ledger.Claim("w1", [], Lease)!;
        Assert.True(ledger.Fail("w1", "b", b.LeaseId, "boom"));

        ledger.Cancel();
        Assert.Equal(["a"], ledger.Renew("w1", [new LeaseRenewal("a", a.LeaseId, 1)], Lease));
        Assert.Null(ledger.Claim("w2", [], Lease));

        Assert.True(ledger.Submit(Plan("a", "b", "c"), Plan("a", "b", "c").ToJson(), out var retried).Accepted);
        Assert.Equal(1, retried);
        Assert.Equal(["a", "b", "c"], [ledger.Claim("w2", [], Lease)!.RunId, ledger.Claim("w2", [], Lease)!.RunId, ledger.Claim("w2", [], Lease)!.RunId]);
    }

    [Fact]
    public void AnotherPlanUnderTheNameOfARunningSweepIsRefusedAndAcceptedOnceItIsCancelled()
    {
        var ledger = Submitted("a");
        var other = Plan("x", "y");

        Assert.False(ledger.Submit(other, other.ToJson(), out _).Accepted);
        ledger.Cancel();
        Assert.True(ledger.Submit(other, other.ToJson(), out _).Accepted);
        Assert.Equal(["x", "y"], ledger.Snapshot("s").Runs.Select(r => r.RunId));
    }

    private SweepLedger Submitted(params string[] runs)
    {
        var ledger = new SweepLedger(state, time);
        var plan = Plan(runs);
        Assert.True(ledger.Submit(plan, plan.ToJson(), out _).Accepted);
        return ledger;
    }

    private static SweepPlan Plan(params string[] runs) => new()
    {
        Name = "s",
        Runs =
        [
            .. runs.Select(id => new SweepRun
            {
                RunId = id,
                Simulation = new SimulationSettings { Start = new DateOnly(2025, 12, 1), End = new DateOnly(2025, 12, 3) },
                Agents = [new AgentSpec { Name = "uniform", Kind = "uniform" }],
                QuestionSets = ["q.jsonl"],
                CorpusFiles = ["news.jsonl"],
                Visibility = VisibilityPolicy.Strict,
            }),
        ],
    };
}
