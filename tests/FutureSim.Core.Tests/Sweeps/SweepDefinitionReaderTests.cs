using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Core.Sweeps;

namespace FutureSim.Core.Tests.Sweeps;

public sealed class SweepDefinitionReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("futuresim-sweep-reader-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AWholeSweepSectionReadsWithItsFormsOfGridValues()
    {
        var sweep = Read("""
            {
              // configuration sections beside the sweep are not the reader's business
              "Simulation": { "MaxConcurrentAgents": 2 },
              "sweep": {
                "name": "dec",
                "MaxConcurrentRuns": 3,
                "Grid": {
                  "Agents": [ "uniform", ["crowd", "base-rate"], { "Label": "llm", "Agents": ["gpt"] } ],
                  "Seeds": [ 1, 2 ],
                  "QuestionSets": [ "q.jsonl", { "Label": "both", "Files": ["a.jsonl", "b.jsonl.gz"] } ],
                  "Corpus": [ { "Visibility": "lenient" }, { "Label": "big", "Files": ["news"], "Fingerprint": "abc" } ],
                  "Windows": [ { "Start": "2025-12-01", "End": "2025-12-05", "LookbackDays": 2 } ],
                },
              },
            }
            """);

        Assert.Equal(("dec", 3), (sweep.Name, sweep.MaxConcurrentRuns));
        Assert.Equal([["uniform"], ["crowd", "base-rate"], ["gpt"]], sweep.Grid.Agents!.Value.Select(g => g.Names.ToArray()));
        Assert.Equal("llm", sweep.Grid.Agents.Value[2].Label);
        Assert.Equal(new long[] { 1, 2 }, sweep.Grid.Seeds!.Value.ToArray());
        Assert.Equal([["q.jsonl"], ["a.jsonl", "b.jsonl.gz"]], sweep.Grid.QuestionSets!.Value.Select(q => q.Files.ToArray()));
        Assert.Equal(new SweepCorpusChoice(null, null, VisibilityPolicy.Lenient, null), sweep.Grid.Corpus!.Value[0]);
        Assert.Equal(("big", "abc"), (sweep.Grid.Corpus.Value[1].Label, sweep.Grid.Corpus.Value[1].Fingerprint));
        Assert.Equal(new SweepWindow(null, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 5), 2, null), sweep.Grid.Windows!.Value.Single());
    }

    [Theory]
    [InlineData("""{ "Sweep": { "Name": "x", "Grid": { "Seedz": [1] } } }""", "Sweep:Grid:Seedz is not a known key")]
    [InlineData("""{ "Sweep": { "Name": "x", "Grid": { "Windows": [ { "Start": "2025-12-01", "End": "2025-12-02", "Stop": 1 } ] } } }""", "Sweep:Grid:Windows:0:Stop is not a known key")]
    [InlineData("""{ "Sweep": { "Name": "x", "Grid": { } } }""", "Sweep:Grid is empty")]
    [InlineData("""{ "Sweep": { "Name": "x", "Grid": { "Seeds": [] } } }""", "Sweep:Grid:Seeds is an empty list")]
    [InlineData("""{ "Sweep": { "Name": "x" } }""", "Sweep:Grid is missing")]
    [InlineData("""{ "Sweep": { "Grid": { "Seeds": [1] } } }""", "Sweep:Name is missing")]
    [InlineData("""{ "Simulation": { } }""", "has no Sweep section")]
    [InlineData("""{ "Sweep": { "Name": "x", "Grid": { "Windows": [ { "Start": "2025-12-05", "End": "2025-12-01" } ] } } }""", "Sweep:Grid:Windows:0 ends (2025-12-01) before it starts")]
    [InlineData("""{ "Sweep": { "Name": "x", "Grid": { "Windows": [ { "Start": "5 Dec", "End": "2025-12-01" } ] } } }""", "Sweep:Grid:Windows:0:Start must be a date")]
    [InlineData("""{ "Sweep": { "Name": "x", "Grid": { "Corpus": [ { "Visibility": "fuzzy" } ] } } }""", "Sweep:Grid:Corpus:0:Visibility must be Strict or Lenient")]
    [InlineData("""{ "Sweep": { "Name": "x", "Grid": { "Seeds": [1.5] } } }""", "Sweep:Grid:Seeds:0 must be a whole number")]
    [InlineData("""{ "Sweep": { "Name": "x", "Grid": { "Agents": [ [] ] } } }""", "Sweep:Grid:Agents:0 is an empty list")]
    public void BadSweepSectionsAreBadInputNamingTheKey(string json, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => Read(json));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith(Path.Combine(folder, "sweep.json"), error.Message);
    }

    [Fact]
    public void MalformedJsonIsBadInputNamingTheLine()
    {
        var error = Assert.Throws<InvalidInputException>(() => Read("{\n  \"Sweep\": {\n    \"Name\": \"x\",,\n  }\n}"));

        Assert.Equal(3, error.Error.Line);
    }

    [Fact]
    public void AMissingFileIsBadInput() =>
        Assert.Throws<InvalidInputException>(() => SweepDefinitionReader.Read(Path.Combine(folder, "none.json")));

    private SweepDefinition Read(string json)
    {
        var path = Path.Combine(folder, "sweep.json");
        File.WriteAllText(path, json);
        return SweepDefinitionReader.Read(path);
    }
}
