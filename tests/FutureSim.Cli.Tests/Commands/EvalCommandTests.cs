using System.Text.Json;
using FutureSim.Core.Retrieval;

namespace FutureSim.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class EvalCommandTests(CliRun cli)
{
    private static string Bundled(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpora", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }

    [Fact]
    public async Task TheBundledTopicsAreMeasuredAndTheRunFileGivesTheSameMeans()
    {
        var runs = Path.Combine(cli.Root, "eval-runs");
        var topics = Bundled("retrieval/topics-freeform.jsonl");
        var qrels = Bundled("retrieval/qrels-freeform.txt");

        var (code, output) = await cli.RunAsync("eval", "retrieval", "--topics", topics, "--qrels", qrels, "--mode", "keyword", "--run-out", runs, "--json");

        Assert.Equal(0, code);
        var report = JsonDocument.Parse(output).RootElement;
        var measured = report.GetProperty("topics_measured").GetInt32();
        Assert.Equal(report.GetProperty("topics").GetInt32(), measured);
        var ndcg = report.GetProperty("modes").GetProperty("keyword").GetProperty("measures").GetProperty("ndcg@10").GetProperty("value").GetDouble();
        Assert.InRange(ndcg, 0.3, 1.0);

        // Recomputed from the run file and the qrels alone, as trec_eval would read them.
        var topicList = TopicFile.Read(topics);
        var judgments = Qrels.Read(qrels, topicList.Select(t => t.Id).ToHashSet());
        var run = TrecRunFile.Read(Path.Combine(runs, "keyword.run"));
        var recomputed = topicList.Average(t => RetrievalMetrics.Compute(run.GetValueOrDefault(t.Id) ?? [], judgments.Of(t.Id))[0]);
        Assert.Equal(ndcg, recomputed, 12);
    }

    [Fact]
    public async Task AQrelsLineThatDoesNotParseIsABadInputExit()
    {
        var qrels = Path.Combine(cli.Root, "bad.qrels");
        File.WriteAllText(qrels, "ff-0004 0 wce-23145fb25669ddb5 relevant\n");

        var (code, _) = await cli.RunAsync("eval", "retrieval", "--topics", Bundled("retrieval/topics-freeform.jsonl"), "--qrels", qrels, "--mode", "keyword");

        Assert.Equal(2, code);
    }
}
