using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Questions;
using FutureSim.Interop.Scoring;
using FutureSim.Interop.Verdicts;

namespace FutureSim.Interop.Native;

/// <summary>
/// Imports a run folder written by FutureSim's Python harness into our run format: its calendar from
/// <c>config.json</c> (<c>start_date</c>, <c>end_date</c>, <c>lookback_days</c>, <c>timegap_days</c>; else the days of
/// <c>actions.jsonl</c>), every <c>prediction</c> record as a forecast on its <c>sim_date</c> (or a refusal when its
/// question had resolved), questions from a question file (or the records' resolutions), and the matcher cache
/// (<c>matcher.jsonl</c>) as the run's judge verdicts.
/// </summary>
public static class FutureSimRunImporter
{
    public const string Format = "futuresim-run";
    public const string MatcherCache = "matcher.jsonl";
    public const string MatcherJudge = "futuresim-matcher-cache";

    public static FutureSimRunImport Import(FutureSimRunImportOptions options)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var actionsFile = Path.Combine(options.RunDirectory, FutureSimRunExporter.Actions);
        var (predictions, resolutions, skipped) = ReadActions(actionsFile, options.SkipInvalid, hashes);
        var calendar = Calendar(Path.Combine(options.RunDirectory, FutureSimRunExporter.Config), predictions, resolutions, hashes);
        var questions = Questions(options, resolutions, calendar, hashes);
        var byId = questions.ToDictionary(q => q.Id.Value, StringComparer.Ordinal);
        var agents = predictions.Select(p => p.Agent).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var events = new List<RunEvent>();
        var refused = 0;
        var byDay = predictions.ToLookup(p => p.Day);
        foreach (var day in calendar.Days())
        {
            events.Add(new DayStarted { Day = day, AsOf = SimulatedTime.EndOf(day) });
            events.AddRange(questions.Where(q => q.ResolutionDate == day).OrderBy(q => q.Id.Value, StringComparer.Ordinal)
                .Select(q => new QuestionResolved { Day = day, QuestionId = q.Id, Answer = q.Resolution.Answer }));
            foreach (var p in byDay[day])
            {
                if (byId.TryGetValue(p.Question, out var question) && day < question.ResolutionDate)
                {
                    events.Add(new ForecastSubmitted { Day = day, Agent = p.Agent, QuestionId = question.Id, Outcomes = p.Outcomes });
                }
                else
                {
                    refused++;
                    events.Add(new ForecastRefused { Day = day, Agent = p.Agent, QuestionId = p.Question, Reason = "[environment:inactive-question] the question had resolved or is not in the question set." });
                }
            }

            events.Add(new DayCompleted { Day = day });
        }

        events.Add(new RunCompleted { Day = calendar.End });
        var verdicts = ReadMatcherCache(Path.Combine(options.RunDirectory, MatcherCache), hashes);
        var reported = ReadDailyMetrics(Path.Combine(options.RunDirectory, FutureSimRunExporter.DailyMetrics), hashes);
        var name = Path.GetFileName(Path.GetFullPath(options.RunDirectory).TrimEnd(Path.DirectorySeparatorChar));
        var manifest = new RunManifest
        {
            RunId = Path.GetFileName(Path.GetFullPath(options.OutputFolder).TrimEnd(Path.DirectorySeparatorChar)),
            Status = RunStatus.Completed,
            Simulation = calendar,
            Corpus = new Core.Articles.CorpusIdentity("futuresim-run-corpus (not imported)", Core.Articles.VisibilityPolicy.Lenient, 0),
            QuestionSets = [new QuestionSetInfo("futuresim-run", RunFolderLayout.Questions, hashes.GetValueOrDefault("questions") ?? "", questions.Length)],
            Agents = [.. agents.Select(a => new AgentSpec { Name = a, Kind = "futuresim-import" })],
            ImportedFrom = new RunProvenance
            {
                Format = Format,
                Source = options.RunDirectory,
                Sha256 = Traces.TraceRunReader.CombinedHash(hashes),
                Files = hashes.Count,
                Details = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string> { ["run_name"] = name }),
            },
        };

        Write(options.OutputFolder, manifest, questions, events, verdicts);
        return new FutureSimRunImport
        {
            RunFolder = options.OutputFolder,
            Questions = questions.Length,
            Forecasts = events.Count(e => e is ForecastSubmitted),
            Refused = refused,
            Verdicts = verdicts.Count,
            Skipped = skipped,
            Reported = reported,
        };
    }

    private sealed record Prediction(DateOnly Day, string Agent, string Question, ImmutableSortedDictionary<string, double> Outcomes);

    private static (List<Prediction>, Dictionary<string, (DateOnly Day, string Truth)>, ImmutableArray<RecordError>) ReadActions(
        string file, bool skipInvalid, IDictionary<string, string> hashes)
    {
        if (!File.Exists(file))
        {
            throw new InvalidInputException(new RecordError(file, 0, "not found"), "A FutureSim run folder holds actions.jsonl.");
        }

        hashes[FutureSimRunExporter.Actions] = Hash(file);
        var predictions = new List<Prediction>();
        var resolutions = new Dictionary<string, (DateOnly, string)>(StringComparer.Ordinal);
        var skipped = ImmutableArray.CreateBuilder<RecordError>();
        foreach (var line in JsonLinesFile.ReadLines(file))
        {
            try
            {
                using var document = JsonDocument.Parse(line.Utf8);
                var record = document.RootElement;
                var type = record.GetProperty("type").GetString();
                var day = DateOnly.ParseExact(record.GetProperty("sim_date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var question = Text(record.GetProperty("question_id"));
                if (type == "prediction")
                {
                    var outcomes = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
                    foreach (var outcome in record.GetProperty("outcomes").EnumerateObject())
                    {
                        var p = outcome.Value.GetDouble();
                        outcomes[outcome.Name] = double.IsFinite(p) && p is >= 0 and <= 1 ? p : throw new FormatException($"the probability of '{outcome.Name}' is {p}, not in [0, 1]");
                    }

                    predictions.Add(new Prediction(day, record.GetProperty("agent_id").GetString()!, question, outcomes.ToImmutable()));
                }
                else if (type == "resolution")
                {
                    resolutions.TryAdd(question, (day, Text(record.GetProperty("ground_truth"))));
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                var error = new RecordError(file, line.Number, $"is not a prediction or resolution record: {e.Message}");
                if (!skipInvalid)
                {
                    throw new InvalidInputException(error, "Fix the line, or pass --skip-invalid to skip it.", e);
                }

                skipped.Add(error);
            }
        }

        return (predictions, resolutions, skipped.ToImmutable());
    }

    private static SimulationSettings Calendar(string file, List<Prediction> predictions, Dictionary<string, (DateOnly Day, string Truth)> resolutions, IDictionary<string, string> hashes)
    {
        var days = predictions.Select(p => p.Day).Concat(resolutions.Values.Select(r => r.Day)).ToList();
        var first = days.Count > 0 ? days.Min() : throw new InvalidInputException(new RecordError(file, 0, "actions.jsonl holds no records"));
        var settings = new SimulationSettings { Start = first, End = days.Max() };
        if (!File.Exists(file))
        {
            return settings;
        }

        hashes[FutureSimRunExporter.Config] = Hash(file);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            DateOnly? Date(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? DateOnly.ParseExact(v.GetString()![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            int? Number(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
            return settings with
            {
                Start = Date("start_date") ?? settings.Start,
                End = Date("end_date") ?? settings.End,
                LookbackDays = Number("lookback_days") ?? 0,
                StepDays = Number("timegap_days") ?? 1,
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentOutOfRangeException)
        {
            throw new InvalidInputException(new RecordError(file, 0, $"is not a FutureSim config: {e.Message}"), null, e);
        }
    }

    private static ImmutableArray<Question> Questions(
        FutureSimRunImportOptions options, Dictionary<string, (DateOnly Day, string Truth)> resolutions, SimulationSettings calendar, IDictionary<string, string> hashes)
    {
        var file = options.QuestionsFile ?? Path.Combine(options.RunDirectory, FutureSimRunExporter.Questions);
        if (options.QuestionsFile is not null || File.Exists(file))
        {
            hashes["questions"] = Hash(file);
            var loadOptions = new QuestionLoadOptions
            {
                DefaultOpensAt = SimulatedTime.StartOf(calendar.FirstDay),
                InvalidRecords = options.SkipInvalid ? InvalidRecordHandling.Skip : InvalidRecordHandling.Fail,
            };
            return QuestionFiles.Load(file, loadOptions);
        }

        return [.. resolutions.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new Question
        {
            Id = new QuestionId(r.Key),
            Title = $"Question {r.Key}",
            Kind = QuestionKind.FreeForm,
            OpensAt = SimulatedTime.StartOf(calendar.FirstDay),
            ResolutionDate = r.Value.Day,
            Resolution = new QuestionResolution { Answer = r.Value.Truth },
            QuestionSet = "futuresim-run",
        })];
    }

    private static List<RecordedVerdict> ReadMatcherCache(string file, IDictionary<string, string> hashes)
    {
        var verdicts = new List<RecordedVerdict>();
        if (!File.Exists(file))
        {
            return verdicts;
        }

        hashes[MatcherCache] = Hash(file);
        foreach (var line in JsonLinesFile.ReadLines(file))
        {
            try
            {
                using var document = JsonDocument.Parse(line.Utf8);
                var input = document.RootElement.GetProperty("input");
                var output = document.RootElement.GetProperty("output");
                if (!output.TryGetProperty("is_equivalent", out var match) || match.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    continue;
                }

                verdicts.Add(new RecordedVerdict(
                    input.GetProperty("predicted").GetString()!, input.GetProperty("ground_truth").GetString()!, match.GetBoolean(), MatcherJudge,
                    output.TryGetProperty("response", out var response) ? response.ToString() : "")
                {
                    QuestionId = input.TryGetProperty("question_id", out var q) ? Text(q) : null,
                });
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidInputException(new RecordError(file, line.Number, $"is not a matcher record: {e.Message}"), "Fix or delete the line.", e);
            }
        }

        return verdicts;
    }

    private static OfficialMetrics? ReadDailyMetrics(string file, IDictionary<string, string> hashes)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        hashes[FutureSimRunExporter.DailyMetrics] = Hash(file);
        var lines = File.ReadAllLines(file);
        if (lines.Length == 0)
        {
            return null;
        }

        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var i && i >= 0
            ? i : throw new InvalidInputException(new RecordError(file, 1, $"has no column '{name}'"));
        var (date, agent, bss, accuracy) = (Column("date"), Column("agent_id"), Column("avg_brier"), Column("accuracy"));
        var runs = new Dictionary<string, SortedDictionary<DateOnly, (double, double)>>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != header.Length
                || !DateOnly.TryParseExact(cells[date], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !double.TryParse(cells[bss], NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
                || !double.TryParse(cells[accuracy], NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
            {
                throw new InvalidInputException(new RecordError(file, i + 1, "is not a daily metrics row"));
            }

            (runs.TryGetValue(cells[agent], out var daily) ? daily : runs[cells[agent]] = [])[day] = (b, a);
        }

        var list = runs.Select(r => (r.Key, r.Key, r.Key, r.Value.ToImmutableSortedDictionary())).ToImmutableArray();
        return new OfficialMetrics { Runs = list, Agents = list.ToImmutableSortedDictionary(r => r.Item1, r => r.Item4, StringComparer.Ordinal) };
    }

    private static void Write(string folder, RunManifest manifest, ImmutableArray<Question> questions, List<RunEvent> events, List<RecordedVerdict> verdicts)
    {
        if (File.Exists(Path.Combine(folder, RunFolderLayout.Manifest)))
        {
            throw new InvalidInputException(new RecordError(folder, 0, "already holds a run"), "Choose another --out folder.");
        }

        var run = RunFolder.Create(folder, manifest, questions);
        using (var writer = new StreamWriter(run.EventsPath, append: false, new UTF8Encoding(false)))
        {
            foreach (var runEvent in events)
            {
                writer.Write(JsonSerializer.Serialize(runEvent, RunFormat.Json));
                writer.Write('\n');
            }
        }

        if (verdicts.Count > 0)
        {
            RunVerdicts.Write(run.File(RunVerdicts.FileName), verdicts);
        }
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
