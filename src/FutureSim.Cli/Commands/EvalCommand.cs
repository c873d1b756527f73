using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Running;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Core.Retrieval;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim eval …</c>: offline retrieval evaluation against relevance judgments, through the agents' gate.</summary>
internal static class EvalCommand
{
    public static Command Create() => new("eval", "Offline evaluation of retrieval against relevance judgments.") { Retrieval(), Topics() };

    private static Command Retrieval()
    {
        var topics = new Option<string>("--topics") { Description = "Topics, JSON lines {\"id\", \"query\", \"as_of\"} (e.g. corpora/retrieval/topics-freeform.jsonl).", Required = true };
        var qrels = new Option<string>("--qrels") { Description = "TREC qrels: 'topic-id 0 doc-id relevance' per line.", Required = true };
        var modes = new Option<string>("--mode") { Description = "Modes to compare, comma-separated.", DefaultValueFactory = _ => "keyword,semantic,hybrid" };
        var depth = new Option<int>("--k") { Description = "Documents retrieved per topic (run-file depth).", DefaultValueFactory = _ => 100 };
        var runOut = new Option<string>("--run-out") { Description = "Write one TREC run file per mode (<mode>.run) into this folder." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON, one object per mode keyed by its name." };
        var corpus = CorpusOptionsCli.Corpus();
        var command = new Command("retrieval", "Search each topic as of its instant in each mode and report nDCG@10, recall@10, recall@100, MRR@10 and P@10 with bootstrap intervals.")
        {
            topics, qrels, modes, depth, runOut, json, corpus,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var project = host.Service<ProjectSettings>();
            var chosen = parse.GetValue(modes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(m => Enum.TryParse<SearchMode>(m, ignoreCase: true, out var mode) ? mode : throw new OptionsException($"--mode '{m}' is not keyword, semantic or hybrid."))
                .Distinct().ToArray();
            var k = parse.GetValue(depth);
            if (k is < 10 or > 1000)
            {
                throw new OptionsException($"--k must be between 10 and 1000; got {k}.");
            }

            var topicList = TopicFile.Read(project.Resolve(parse.GetValue(topics)!));
            var judgments = Qrels.Read(project.Resolve(parse.GetValue(qrels)!), topicList.Select(t => t.Id).ToHashSet(StringComparer.Ordinal));
            var options = host.Service<IOptions<CorpusOptions>>().Value;
            var files = CommonOptions.List(parse.GetValue(corpus)) ?? options.Files;
            var (opened, _) = await host.Service<CorpusOpener>().OpenAsync(files, options.Visibility, chosen.Any(m => m != SearchMode.Keyword), ct);
            using var _ = opened;
            var report = RetrievalEvaluation.Run(opened, topicList, judgments, new RetrievalEvaluationOptions { Modes = [.. chosen], Depth = k }, host.Service<TimeProvider>(), ct);
            if (parse.GetValue(runOut) is { } folder)
            {
                var target = project.Resolve(folder);
                Directory.CreateDirectory(target);
                foreach (var mode in report.Modes)
                {
                    TrecRunFile.Write(Path.Combine(target, mode.Mode + ".run"), "futuresim-" + mode.Mode, mode.Rankings.Select(r => (r.Topic, (IReadOnlyList<string>)r.Documents)));
                }
            }

            foreach (var error in report.DataErrors)
            {
                Console.Error.WriteLine($"data error: topic {error.Topic}, judged document {error.Document}: {error.Problem}; not counted");
            }

            Console.Out.Write(parse.GetValue(json) ? Json(report, opened.Identity) : Text(report, opened.Identity));
            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Topics()
    {
        var questions = new Option<string>("--questions") { Description = "A free-form question file with evidence_item_ids.", DefaultValueFactory = _ => "corpora/questions-freeform-2025-2026.jsonl" };
        var output = new Option<string>("--out") { Description = "Folder for topics-freeform.jsonl and qrels-freeform.txt.", DefaultValueFactory = _ => "corpora/retrieval" };
        var command = new Command("topics", "Build topics and qrels from free-form questions: query = title, instant = end of the day before resolution, relevant = the evidence items visible by then.")
        {
            questions, output,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var project = host.Service<ProjectSettings>();
            var options = host.Service<IOptions<CorpusOptions>>().Value;
            using var corpus = await host.Service<CorpusOpener>().OpenAsync(options.Files, options.Visibility, ct);
            var path = project.Resolve(parse.GetValue(questions)!);
            var topics = new List<RetrievalTopic>();
            var lines = new List<(string, string, int)>();
            foreach (var line in JsonLinesFile.ReadLines(path))
            {
                using var record = JsonDocument.Parse(line.Utf8);
                var root = record.RootElement;
                if (!root.TryGetProperty("evidence_item_ids", out var evidence) || evidence.ValueKind != JsonValueKind.Array
                    || !DateOnly.TryParseExact(root.GetProperty("resolution_date").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var resolves))
                {
                    throw new InvalidInputException(new RecordError(path, line.Number, "a free-form question needs evidence_item_ids and a resolution_date"));
                }

                var topic = new RetrievalTopic(root.GetProperty("id").GetString()!, root.GetProperty("title").GetString()!, SimulatedTime.EndOf(resolves.AddDays(-1)));
                var view = corpus.At(topic.AsOf);
                var relevant = evidence.EnumerateArray().Select(e => e.GetString()!).Where(id => view.Find(new ArticleId(id)) is not null).Distinct().Order(StringComparer.Ordinal).ToList();
                if (relevant.Count > 0)
                {
                    topics.Add(topic);
                    lines.AddRange(relevant.Select(id => (topic.Id, id, 1)));
                }
            }

            var folder = project.Resolve(parse.GetValue(output)!);
            Directory.CreateDirectory(folder);
            TopicFile.Write(Path.Combine(folder, "topics-freeform.jsonl"), topics);
            Qrels.Write(Path.Combine(folder, "qrels-freeform.txt"), lines);
            Console.Out.WriteLine($"{topics.Count} topics, {lines.Count} relevant judgments written to {folder}");
            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }

    private static string Text(RetrievalReport report, CorpusIdentity identity)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.TopicsMeasured} of {report.Topics} topics measured; {report.DataErrors.Length} judgment(s) not counted; means with {report.Level:P0} bootstrap intervals over topics ({report.Resamples} resamples); embedding model {identity.EmbeddingModel ?? "none"}\n\n");
        var names = RetrievalMetrics.Names;
        text.Append("mode      " + string.Concat(names.Select(n => n.PadRight(24))) + "p50 ms  p99 ms\n");
        foreach (var mode in report.Modes)
        {
            text.Append(mode.Mode.PadRight(10));
            foreach (var name in names)
            {
                var cell = mode.Measures.TryGetValue(name, out var e) ? string.Create(CultureInfo.InvariantCulture, $"{e.Value:0.000} [{e.Lower:0.000}, {e.Upper:0.000}]") : "–";
                text.Append(cell.PadRight(24));
            }

            text.Append(CultureInfo.InvariantCulture, $"{mode.P50Milliseconds,6:0.00}  {mode.P99Milliseconds,6:0.00}\n");
        }

        if (report.Differences.Length > 0)
        {
            text.Append("\npaired differences A − B\n");
            foreach (var d in report.Differences)
            {
                text.Append(CultureInfo.InvariantCulture, $"{d.Metric,-11} {d.A} − {d.B}: {d.Difference.Value:+0.000;-0.000} [{d.Difference.Lower:+0.000;-0.000}, {d.Difference.Upper:+0.000;-0.000}], p = {d.PValue:0.000}\n");
            }
        }

        return text.ToString();
    }

    private static string Json(RetrievalReport report, CorpusIdentity identity) => JsonSerializer.Serialize(
        new
        {
            topics = report.Topics,
            topics_measured = report.TopicsMeasured,
            embedding_model = identity.EmbeddingModel,
            level = report.Level,
            resamples = report.Resamples,
            modes = report.Modes.ToDictionary(m => m.Mode, m => new { measures = m.Measures, p50_ms = m.P50Milliseconds, p99_ms = m.P99Milliseconds }),
            differences = report.Differences,
            data_errors = report.DataErrors,
        },
        RunFormat.IndentedJson) + "\n";
}
