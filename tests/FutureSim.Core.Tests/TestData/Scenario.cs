namespace FutureSim.Core.Tests.TestData;

/// <summary>The hand-computed run used across scoring tests (values worked out in RunScorerTests).</summary>
internal static class Scenario
{
    /// <summary>
    /// Days 0–3. F1 (free-form, Paris) resolves on day 2; F2 (Lyon) on day 5, after the run; B1 (Yes, crowd 0.7)
    /// on day 3; B2 (No) on day 1. alpha forecasts, beta abstains, times out once and has one forecast refused.
    /// </summary>
    public static RunBuilder TwoAgents(string runId = "run-1", string seed = "1") => Questions(new RunBuilder(runId)
        .Agent("alpha", "scripted", ("model", "m1"), ("seed", seed))
        .Agent("beta", "scripted", ("model", "m1"), ("random_seed", seed)))
        .Forecast("alpha", "F1", 0, ("Paris", 0.3))
        .Forecast("alpha", "B1", 0, ("Yes", 0.8))
        .ToolCall("alpha", 1)
        .Forecast("alpha", "F1", 1, ("Paris", 0.6), ("Rome", 0.2))
        .Forecast("alpha", "B2", 1, ("No", 0.9))
        .Forecast("alpha", "F2", 2, ("Lyon", 0.5))
        .Failure("beta", 1, "timeout")
        .Refusal("beta", "F1", 2);

    /// <summary>The scenario's four questions.</summary>
    public static RunBuilder Questions(RunBuilder run) => run
        .FreeForm("F1", "Paris", 2)
        .FreeForm("F2", "Lyon", 5)
        .Binary("B1", yes: true, 3, crowd: 0.7)
        .Binary("B2", yes: false, 1);

    /// <summary>A third agent in another configuration, whose run failed during day 3.</summary>
    public static RunBuilder Gamma(string runId = "run-c")
    {
        var run = Questions(new RunBuilder(runId, days: 3).Agent("gamma", "llm", ("model", "m2")))
            .Forecast("gamma", "F1", 0, ("Rome", 0.6), ("Paris", 0.3))
            .Forecast("gamma", "F2", 0, ("Lyon", 0.2), ("Nice", 0.2))
            .Forecast("gamma", "B1", 0, ("Yes", 0.4))
            .Forecast("gamma", "B1", 1, ("No", 0.2))
            .Failure("gamma", 2, "endpoint");
        run.Complete = false;
        run.Status = FutureSim.Core.Runs.RunStatus.Failed;
        return run;
    }
}
