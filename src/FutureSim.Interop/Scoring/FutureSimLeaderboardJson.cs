using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FutureSim.Interop.Scoring;

/// <summary>
/// FutureSim's leaderboard view in the published file formats: <c>futuresim-leaderboard.json</c> with the fields
/// of the published <c>leaderboard.json</c>, and <c>futuresim-runs.json</c> with the per-run daily metrics under the
/// field names of the published <c>manifest.json</c>. Values are rounded as published (BSS 4 decimals per run and 6
/// per agent; accuracy in percent, 2 and 4 decimals). <c>created_at_utc</c> is null: outputs hold no wall time.
/// </summary>
public static class FutureSimLeaderboardJson
{
    public const string LeaderboardFile = "futuresim-leaderboard.json";
    public const string RunsFile = "futuresim-runs.json";

    public const string Method =
        "FutureSim's daily convention: each run's daily value is the sum over all free-form questions of the question's score that day "
        + "(resolved: the last forecast before resolution; open: the forecast held that day; never forecast: 0) divided by their number; "
        + "BSS = 1 - sum over named outcomes and the truth of (p - [outcome is the truth])^2 with the exact truth string first, then the first "
        + "outcome the judge accepts, in (-p, name) order; top-1 asks the judge about the top outcome. Means over seeds; std over bootstrap "
        + "resamples of seeds and question ids.";

    public static string Leaderboard(FutureSimLeaderboard board) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteNull("created_at_utc");
        json.WriteString("method", Method);
        json.WriteNumber("bootstrap_samples", board.Resamples);
        json.WriteStartArray("models");
        foreach (var agent in board.Agents)
        {
            json.WriteStartObject();
            json.WriteString("agent_slug", agent.AgentSlug);
            json.WriteString("agent_name", agent.AgentName);
            json.WriteNumber("seed_count", agent.SeedCount);
            json.WriteStartArray("points");
            foreach (var p in agent.Points)
            {
                json.WriteStartObject();
                json.WriteString("date", Day(p.Day));
                Number(json, "brier_skill_score_mean", p.BrierSkillScoreMean, 6);
                Number(json, "brier_skill_score_std", p.BrierSkillScoreStd, 6);
                Number(json, "top1_accuracy_mean", p.Top1AccuracyMean, 4);
                Number(json, "top1_accuracy_std", p.Top1AccuracyStd, 4);
                json.WriteNumber("seed_count", p.SeedCount);
                json.WriteNumber("question_count", p.QuestionCount);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string Runs(FutureSimLeaderboard board) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteString("method", Method);
        json.WriteStartArray("runs");
        foreach (var run in board.Runs)
        {
            json.WriteStartObject();
            json.WriteString("agent_name", run.AgentName);
            json.WriteString("agent_slug", FutureSimLeaderboard.Slug(run));
            json.WriteString("seed_label", run.SeedLabel);
            json.WriteString("run_id", run.OfficialRunId);
            json.WriteString("run_folder_id", run.RunId);
            json.WriteStartArray("metrics");
            foreach (var point in run.Daily)
            {
                json.WriteStartObject();
                json.WriteString("date", Day(point.Day));
                Number(json, "brier_skill_score", point.BrierSkillScore, 4);
                Number(json, "top1_accuracy", point.Top1Accuracy, 2);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Number(Utf8JsonWriter json, string name, double value, int decimals) =>
        json.WriteNumber(name, Math.Round(value, decimals, MidpointRounding.ToEven) + 0.0);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
