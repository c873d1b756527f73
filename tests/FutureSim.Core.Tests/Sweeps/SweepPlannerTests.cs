using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;
using FutureSim.Core.Sweeps;

namespace FutureSim.Core.Tests.Sweeps;

public sealed class SweepPlannerTests
{
    private static readonly SweepBase Configuration = new()
    {
        Simulation = new SimulationSettings { Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 3, 1), MaxConcurrentAgents = 3 },
        QuestionSets = ["corpora/questions.jsonl"],
        CorpusFiles = ["corpora/news.jsonl.gz"],
        Visibility = VisibilityPolicy.Strict,
        Agents =
        [
            new AgentSpec { Name = "uniform", Kind = "uniform" },
            new AgentSpec { Name = "crowd", Kind = "crowd" },
            new AgentSpec { Name = "gpt", Kind = "llm", Settings = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("Model", "m")]) },
        ],
        SeedSetting = kind => kind == "llm" ? "Seed" : null,
    };

    [Fact]
    public void RunIdsNameTheSweepAndTheGridPointsLabelsInGridOrder()
    {
        var (plan, _) = Plan(new SweepGrid
        {
            Agents = [new(null, ["uniform"]), new(null, ["crowd", "uniform"])],
            Windows = [new(null, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 10), null, null), new("late", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5), 3, 2)],
            QuestionSets = [new(null, ["corpora/questions-freeform-2025-2026.jsonl", "more/binary.jsonl.gz"])],
            Corpus = [new(null, null, VisibilityPolicy.Lenient, null)],
        });

        Assert.Equal(
            [
                "dec.uniform.20251201-20251210.questions-freeform-2025-2026_binary.lenient",
                "dec.uniform.late.questions-freeform-2025-2026_binary.lenient",
                "dec.crowd_uniform.20251201-20251210.questions-freeform-2025-2026_binary.lenient",
                "dec.crowd_uniform.late.questions-freeform-2025-2026_binary.lenient",
            ],
            plan.Runs.Select(r => r.RunId));
        var late = plan.Runs[3];
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5), 3, 2, 3), (late.Simulation.Start, late.Simulation.End, late.Simulation.LookbackDays, late.Simulation.StepDays, late.Simulation.MaxConcurrentAgents));
        Assert.Equal(["crowd", "uniform"], late.Agents.Select(a => a.Name));
        Assert.Equal((VisibilityPolicy.Lenient, "corpora/news.jsonl.gz"), (late.Visibility, late.CorpusFiles.Single()));
    }

    [Fact]
    public void SeedsMultiplyOnlyRunsWithAnAgentThatTakesOneAndReachOnlyThatAgent()
    {
        var (plan, notes) = Plan(new SweepGrid
        {
            Agents = [new(null, ["uniform"]), new(null, ["gpt", "crowd"])],
            Seeds = [7, 8],
        });

        Assert.Equal(["dec.uniform", "dec.gpt_crowd.s7", "dec.gpt_crowd.s8"], plan.Runs.Select(r => r.RunId));
        Assert.Equal([null, 7L, 8L], plan.Runs.Select(r => r.Seed));
        Assert.Equal("8", plan.Runs[2].Agents.Single(a => a.Name == "gpt").Settings["Seed"]);
        Assert.Equal("m", plan.Runs[2].Agents.Single(a => a.Name == "gpt").Settings["Model"]);
        Assert.Empty(plan.Runs[2].Agents.Single(a => a.Name == "crowd").Settings);
        Assert.Contains(notes, n => n.Contains("deterministic", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameSweepAlwaysPlansTheSameBytes()
    {
        var grid = new SweepGrid { Agents = [new(null, ["gpt"]), new(null, ["crowd"])], Seeds = [1, 2, 3] };
        Assert.Equal(Plan(grid).Plan.ToJson(), Plan(grid).Plan.ToJson());
        Assert.Equal(Plan(grid).Plan.ToJson(), SweepPlan.FromJson(Plan(grid).Plan.ToJson()).ToJson());
    }

    [Theory]
    [InlineData("twice", "would have the id 'dec.uniform'")]
    [InlineData("unknown agent", "names agent 'oracle', which is not configured")]
    [InlineData("bad label", "Sweep:Grid:Windows:0:Label 'a.b' may hold only")]
    [InlineData("long", "is longer than 100 characters")]
    public void GridsThatCannotBecomeRunsAreBadInput(string problem, string expected)
    {
        var grid = problem switch
        {
            "twice" => new SweepGrid { Agents = [new(null, ["uniform"]), new(null, ["uniform"])] },
            "unknown agent" => new SweepGrid { Agents = [new(null, ["oracle"])] },
            "bad label" => new SweepGrid { Windows = [new("a.b", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 2), null, null)] },
            _ => new SweepGrid { QuestionSets = [new(new string('q', 120), ["q.jsonl"])] },
        };

        var error = Assert.Throws<InvalidInputException>(() => Plan(grid));
        Assert.Contains(expected, error.Message);
        Assert.Equal("sweep.json", error.Error.File);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property EveryGridPointIsOneRunWithItsOwnId()
    {
        var sizes = Gen.Choose(1, 3).Three().Select(t => (Windows: t.Item1, Seeds: t.Item2, Groups: t.Item3));
        return Prop.ForAll(sizes.ToArbitrary(), size =>
        {
            var groups = new[] { new SweepAgentGroup(null, ["gpt"]), new SweepAgentGroup(null, ["uniform"]), new SweepAgentGroup(null, ["crowd", "gpt"]) }.Take(size.Groups);
            var (plan, _) = Plan(new SweepGrid
            {
                Agents = [.. groups],
                Seeds = [.. Enumerable.Range(1, size.Seeds).Select(s => (long)s)],
                Windows = [.. Enumerable.Range(0, size.Windows).Select(w => new SweepWindow(null, new DateOnly(2025, 1, 1).AddDays(w), new DateOnly(2025, 2, 1), null, null))],
            });
            var seeded = groups.Count(g => g.Names.Contains("gpt"));
            var expected = size.Windows * (seeded * size.Seeds + (size.Groups - seeded));
            return plan.Runs.Length == expected && plan.Runs.Select(r => r.RunId).Distinct().Count() == expected;
        });
    }

    private static (SweepPlan Plan, ImmutableArray<string> Notes) Plan(SweepGrid grid) =>
        SweepPlanner.Plan(new SweepDefinition { Name = "dec", Grid = grid }, Configuration, "sweep.json");
}
