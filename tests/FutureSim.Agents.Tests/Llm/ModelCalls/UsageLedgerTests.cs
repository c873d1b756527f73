using FutureSim.Agents.Llm;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Runs;
using FutureSim.TestKit;

namespace FutureSim.Agents.Tests.Llm.ModelCalls;

public sealed class UsageLedgerTests
{
    [Fact]
    public void UsageIsWrittenPerDayWithTokensAndCostAndReadBack()
    {
        using var temp = new TempDirectory();
        var path = temp.Sub("agents/gpt/usage.csv");
        var ledger = new UsageLedger(path, priceInputPerMTok: 2.5, priceOutputPerMTok: 10);
        ledger.BeginDay(TestData.Day("2026-01-02"));
        ledger.Add(TestData.Day("2026-01-02"), 1_000, 200);
        ledger.Add(TestData.Day("2026-01-02"), 3_000, 100);
        ledger.BeginDay(TestData.Day("2026-01-01"));
        ledger.Add(TestData.Day("2026-01-01"), 500_000, 0);

        ledger.Save();

        Assert.Equal(
            "day,calls,input_tokens,output_tokens,cost\n2026-01-01,1,500000,0,1.250000\n2026-01-02,2,4000,300,0.013000\n",
            File.ReadAllText(path));
        Assert.Equal(4_300, ledger.TokensOn(TestData.Day("2026-01-02")));
        var rows = ModelUsageFile.ReadRun(temp.Path)["gpt"];
        Assert.Equal(new ModelUsage(TestData.Day("2026-01-02"), 2, 4_000, 300, 0.013), rows[1]);
    }

    [Fact]
    public void ADayRunAgainAfterAResumeIsCountedOnce()
    {
        using var temp = new TempDirectory();
        var path = temp.Sub("usage.csv");
        var before = new UsageLedger(path, 1, 1);
        before.BeginDay(TestData.Day("2026-01-01"));
        before.Add(TestData.Day("2026-01-01"), 10, 1);
        before.BeginDay(TestData.Day("2026-01-02"));
        before.Add(TestData.Day("2026-01-02"), 99, 9);
        before.Save();

        var after = new UsageLedger(path, 1, 1);
        after.BeginDay(TestData.Day("2026-01-02"));
        after.Add(TestData.Day("2026-01-02"), 20, 2);

        Assert.Equal([(1, 10L), (1, 20L)], after.Rows().Select(r => (r.Calls, r.InputTokens)));
    }
}
