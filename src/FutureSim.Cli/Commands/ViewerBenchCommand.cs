using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Running;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Statistics;
using FutureSim.Corpus.Questions;
using FutureSim.Interop.Verdicts;
using FutureSim.Viewer.Articles;
using FutureSim.Viewer.Documents;
using FutureSim.Viewer.Report;
using FutureSim.Viewer.Runs;
using FutureSim.Viewer.Server;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim bench viewer &lt;run-dir&gt;</c>: how fast the viewer answers for a run — from process start to
/// listening, the first page and the leaderboard after listening, question and agent-day pages — over real
/// HTTP, then the static report's size; and what reading the run costs, phase by phase.
/// </summary>
internal static class ViewerBenchCommand
{
    /// <summary>The static report's size target for the main job's run.</summary>
    public const long MaximumReportBytes = 15_000_000;

    public static Command Create()
    {
        var run = new Argument<string>("run-dir") { Description = "The run folder to view (e.g. runs/<id> of the main job)." };
        var questions = new Option<int>("--questions") { Description = "Question pages to time (spread over the run's questions).", DefaultValueFactory = _ => 200 };
        var command = new Command("viewer", "Time the run viewer over HTTP (first page, leaderboard, question and agent-day pages) and the static report's size.") { run, questions, BenchCommand.Json };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(run)!);
            var sinceStart = host.Service<TimeProvider>().GetUtcNow() - Process.GetCurrentProcess().StartTime.ToUniversalTime(); // the process so far
            var clock = Stopwatch.StartNew();
            var corpora = host.Service<CorpusOpener>();
            var matcher = host.Service<AnswerMatching>().Matcher;
            using var library = new RunLibrary(
                RunLocator.Find([folder]), f => RecordedVerdictMatcher.For(f, matcher),
                new ArticleLibrary((m, c) => corpora.OpenQuietlyAsync(m.CorpusFiles, m.Corpus.Policy, c)), host.Service<TimeProvider>());
            var options = new ViewerOptions { Port = 0, Token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) };
            await using var server = await ViewerServer.StartAsync(library, options, ct);
            var listening = clock.Elapsed;
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = new Uri(server.Address.GetLeftPart(UriPartial.Authority)) };
            var first = await TimeAsync(async () =>
            {
                await client.GetByteArrayAsync(server.Address, ct);
                await client.GetByteArrayAsync("/viewer.js", ct);
                await client.GetByteArrayAsync("/api/runs", ct);
            });
            var id = library.Runs[0].Id;
            var leaderboard = clock.Elapsed + await TimeAsync(() => client.GetByteArrayAsync($"/api/{DocumentRouter.PathOf("runs", id, "leaderboard")}", ct)) - listening;
            var leaderboardCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var bands = clock.Elapsed + await TimeAsync(() => client.GetByteArrayAsync($"/api/{DocumentRouter.PathOf("runs", id, "bands")}", ct)) - listening;
            var snapshot = await library.GetAsync(library.Runs[0], ct);
            await library.Articles.GetAsync(snapshot.Manifest!, ct);
            var sample = snapshot.Scores!.Questions.Where((_, i) => i % Math.Max(1, snapshot.Scores.Questions.Length / parse.GetValue(questions)) == 0).ToList();
            var questionTimes = new List<double>();
            foreach (var question in sample)
            {
                questionTimes.Add((await TimeAsync(() => client.GetByteArrayAsync($"/api/{DocumentRouter.PathOf("runs", id, "questions", question.Id.Value)}", ct))).TotalMilliseconds);
            }

            var dayTimes = new List<double>();
            foreach (var agent in snapshot.Manifest!.Agents)
            {
                foreach (var day in snapshot.Record!.Days.Where((_, i) => i % 30 == 0))
                {
                    dayTimes.Add((await TimeAsync(() => client.GetByteArrayAsync($"/api/{DocumentRouter.PathOf("runs", id, "agents", agent.Name, "days", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}", ct))).TotalMilliseconds);
                }
            }

            var listTime = await TimeAsync(() => client.GetByteArrayAsync($"/api/{DocumentRouter.PathOf("runs", id, "questions")}", ct));
            var report = Path.Combine(Path.GetTempPath(), "futuresim-bench-report-" + Guid.NewGuid().ToString("N") + ".html");
            long reportBytes = 0;
            var reportTime = await TimeAsync(async () => reportBytes = await StaticReport.WriteAsync(library, report, ct));
            File.Delete(report);
            var phases = await PhasesAsync(folder, RecordedVerdictMatcher.For(folder, matcher), ct);

            // What was measured must be what a researcher sees: every agent on the leaderboard, every timed page
            // answered (a failed request throws), and the report within its size target.
            var board = await client.GetStringAsync($"/api/{DocumentRouter.PathOf("runs", id, "leaderboard")}", ct);
            var problems = Problems(snapshot.Manifest.Agents.Select(a => a.Name), board, reportBytes);

            questionTimes.Sort();
            dayTimes.Sort();
            return BenchCommand.Print(new
            {
                run = id,
                process_start_to_listening_ms = (sinceStart + listening).TotalMilliseconds,
                listening_ms = listening.TotalMilliseconds,
                first_page_after_listening_ms = first.TotalMilliseconds,
                leaderboard_after_listening_ms = leaderboard.TotalMilliseconds,
                bands_after_listening_ms = bands.TotalMilliseconds,
                cpu_to_leaderboard_ms = leaderboardCpu.TotalMilliseconds,
                questions_timed = questionTimes.Count,
                question_page_p50_ms = Quantile.NearestRank(questionTimes, 0.5),
                question_page_p95_ms = Quantile.NearestRank(questionTimes, 0.95),
                question_page_max_ms = questionTimes.Max(),
                question_list_ms = listTime.TotalMilliseconds,
                agent_day_page_p50_ms = Quantile.NearestRank(dayTimes, 0.5),
                agent_day_page_max_ms = dayTimes.Max(),
                report_bytes = reportBytes,
                report_seconds = reportTime.TotalSeconds,
                phases_ms = phases,
            }, parse.GetValue(BenchCommand.Json), problems, r =>
            [
                ("run", r.run),
                ("process start → listening", Invariant($"{r.process_start_to_listening_ms:0} ms (host {r.listening_ms:0} ms)")),
                ("first page after listening", Invariant($"{r.first_page_after_listening_ms:0} ms (page, script, run list)")),
                ("leaderboard after listening", Invariant($"{r.leaderboard_after_listening_ms:0} ms (run read and scored; bands follow)")),
                ("CPU time to the leaderboard", Invariant($"{r.cpu_to_leaderboard_ms:0} ms (all threads, process start included; wall time on a busy machine can be far longer)")),
                ("bands after listening", Invariant($"{r.bands_after_listening_ms:0} ms")),
                ("question page", Invariant($"p50 {r.question_page_p50_ms:0.0} ms  p95 {r.question_page_p95_ms:0.0} ms  max {r.question_page_max_ms:0.0} ms over {r.questions_timed}")),
                ("question list", Invariant($"{r.question_list_ms:0} ms")),
                ("agent day page", Invariant($"p50 {r.agent_day_page_p50_ms:0.0} ms  max {r.agent_day_page_max_ms:0.0} ms")),
                ("static report", Invariant($"{r.report_bytes / 1e6:0.00} MB in {r.report_seconds:0.0} s")),
                ("reading the run", string.Join("  ", r.phases_ms.Select(p => Invariant($"{p.Key} {p.Value:0} ms")))),
            ]);
        }, cancellationToken));
        return command;
    }

    /// <summary>What loading a snapshot costs, phase by phase, read again from scratch.</summary>
    /// <summary>What the bench checks: every agent named in the leaderboard document, and the report within its size target.</summary>
    internal static ImmutableArray<string> Problems(IEnumerable<string> agents, string leaderboardDocument, long reportBytes)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        problems.AddRange(agents.Where(a => !leaderboardDocument.Contains($"\"agent\":\"{a}\"", StringComparison.Ordinal))
            .Select(a => $"the leaderboard document does not name agent {a}"));
        if (reportBytes > MaximumReportBytes)
        {
            problems.Add(Invariant($"the static report is {reportBytes / 1e6:0.0} MB, more than {MaximumReportBytes / 1e6:0} MB"));
        }

        return problems.ToImmutable();
    }

    private static async Task<Dictionary<string, double>> PhasesAsync(string folder, IAnswerMatcher matcher, CancellationToken ct)
    {
        var phases = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        double Lap() { var ms = clock.Elapsed.TotalMilliseconds; clock.Restart(); return ms; }
        var record = RunFolderReader.Read(folder);
        phases["read"] = Lap();
        var scores = await RunScorer.ScoreAsync(record, matcher, ScoringOptions.Default, ct);
        phases["score"] = Lap();
        var board = Leaderboard.Build([scores], LeaderboardOptions.Default);
        phases["leaderboard"] = Lap();
        _ = DailyBands.Compute(board);
        phases["bands"] = Lap();
        _ = new RunTraces(RunFolderReader.Read(folder, keepToolCalls: true));
        phases["traces (full read)"] = Lap();
        _ = QuestionLeakScan.Find(record.Questions);
        phases["audit"] = Lap();
        return phases;
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
