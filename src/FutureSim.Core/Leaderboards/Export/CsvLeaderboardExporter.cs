using System.Text;
using static FutureSim.Core.Leaderboards.Export.LeaderboardLayout;
using static FutureSim.Core.Scoring.Invariant;

namespace FutureSim.Core.Leaderboards.Export;

/// <summary>
/// A tidy CSV: one row per entry, kind and metric, with its estimate, interval bounds, denominator and formula.
/// Columns: kind, rank, agent, configuration, seeds, questions, metric, estimate, lower, upper, denominator, formula.
/// Rows of kind <c>all</c> count runs, submissions, refusals, failures and model usage.
/// </summary>
internal sealed class CsvLeaderboardExporter : ILeaderboardExporter
{
    public const string Header = "kind,rank,agent,configuration,seeds,questions,metric,estimate,lower,upper,denominator,formula";

    public string Format => "csv";

    public string FileName => LeaderboardExporters.BaseName + ".csv";

    public string Export(LeaderboardReport report)
    {
        var board = report.Board;
        var csv = new StringBuilder(Header).Append('\n');
        void Row(string kind, int? rank, LeaderboardEntry e, int questions, string metric, string estimate, double? lower, double? upper, string denominator, string formula) =>
            csv.Append(string.Join(',', kind, rank is { } r ? Number(r) : "", CsvField(e.Agent), e.ConfigurationId, Number(e.RunIds.Length),
                Number(questions), metric, estimate, Data(lower), Data(upper), CsvField(denominator), CsvField(formula))).Append('\n');
        string Note(LeaderboardNote note) => note.Text(board.Options);

        foreach (var kind in Kinds)
        {
            foreach (var e in Ranked(board, kind))
            {
                var s = e.Of(kind)!;
                Row(kind, s.Rank, e, s.Questions, "coverage", Data(s.Coverage), null, null, "seeds · questions", Note(LeaderboardNotes.Coverage));
                Row(kind, s.Rank, e, s.Questions, "abstentions", Number(s.Abstentions), null, null, "seeds · questions", Note(LeaderboardNotes.Abstentions));
                foreach (var metric in LeaderboardMetrics.Of(kind))
                {
                    var value = s[metric];
                    Row(kind, s.Rank, e, s.Questions, metric.Id, Data(value?.Value), value?.Lower, value?.Upper, metric.Denominator, metric.Formula(board.Scoring));
                }

                var calibrated = s.Calibration.Count > 0;
                Row(kind, s.Rank, e, s.Questions, "ece", calibrated ? Data(s.Calibration.ExpectedCalibrationError) : "", null, null, "forecast questions", Note(LeaderboardNotes.Ece));
                Row(kind, s.Rank, e, s.Questions, "sharpness", calibrated ? Data(s.Calibration.Sharpness) : "", null, null, "forecast questions", Note(LeaderboardNotes.Sharpness));
            }
        }

        foreach (var e in board.Entries)
        {
            var questions = (e.FreeForm?.Questions ?? 0) + (e.Binary?.Questions ?? 0);
            Row("all", null, e, questions, "failed_runs", Number(e.FailedRuns), null, null, "runs", Note(LeaderboardNotes.FailedRuns));
            Row("all", null, e, questions, "incomplete_runs", Number(e.IncompleteRuns), null, null, "runs", Note(LeaderboardNotes.IncompleteRuns));
            Row("all", null, e, questions, "submissions", Number(e.Submissions), null, null, "runs", Note(LeaderboardNotes.Submissions));
            Row("all", null, e, questions, "refusals", Number(e.Refusals), null, null, "runs", Note(LeaderboardNotes.Refusals));
            foreach (var (failure, count) in e.Failures)
            {
                Row("all", null, e, questions, "agent_failures_" + failure, Number(count), null, null, "runs", Note(LeaderboardNotes.AgentFailures));
            }

            if (e.ModelUsage is { } usage)
            {
                var note = Note(LeaderboardNotes.ModelUsage);
                Row("all", null, e, questions, "model_usage_days", Number(usage.Days), null, null, "agent days", note);
                Row("all", null, e, questions, "model_calls", Number(usage.Calls), null, null, "runs", note);
                Row("all", null, e, questions, "input_tokens", Long(usage.InputTokens), null, null, "runs", note);
                Row("all", null, e, questions, "output_tokens", Long(usage.OutputTokens), null, null, "runs", note);
                Row("all", null, e, questions, "cost", Data(usage.Cost), null, null, "runs", note);
            }
        }

        return csv.ToString();
    }

    private static string Long(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
