using System.Text.Json;
using System.Text.Json.Nodes;

namespace FutureSim.Interop.Tests.TestData;

/// <summary>
/// Writes small session traces in the published shape (<c>runs/&lt;agent&gt;/&lt;run&gt;/&lt;day&gt;.json</c> shards of
/// events with idx, day label, session and blocks), one run at a time, for the reading rules' tests.
/// </summary>
internal sealed class TraceFixture(string harness = "Claude Code")
{
    private readonly List<(string Label, JsonObject Event)> _events = [];
    private long _idx;
    private string? _session = "session-1";

    public string Harness { get; } = harness;

    public TraceFixture Session(string? id)
    {
        _session = id;
        return this;
    }

    /// <summary>A <c>submit_forecasts</c> call (Claude Code's tool name unless Codex).</summary>
    public TraceFixture Submit(string label, string id, string question, params (string Name, double P)[] outcomes)
    {
        var input = new JsonObject { ["question_id"] = question, ["outcomes"] = Outcomes(outcomes) };
        return Add(label, "assistant", Use(id, Harness == "Codex" ? "submit_forecasts" : "mcp__forecast__submit_forecasts", input));
    }

    public TraceFixture NextDay(string label, string id) =>
        Add(label, "assistant", Use(id, Harness == "Codex" ? "next_day" : "mcp__forecast__next_day", new JsonObject()));

    /// <summary>A tool result in the harness's envelope: Claude Code <c>{"result": …}</c> in a user event, Codex a tool_result event.</summary>
    public TraceFixture Result(string label, string id, string text)
    {
        var content = Harness == "Codex"
            ? new JsonObject { ["content"] = new JsonArray(new JsonObject { ["text"] = text, ["type"] = "text" }) }.ToJsonString()
            : Harness == "OpenCode" ? text : new JsonObject { ["result"] = text }.ToJsonString();
        return Add(label, Harness == "Codex" ? "tool_result" : "user", new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = id, ["content"] = content });
    }

    /// <summary>An OpenCode event: the call and its result as two blocks of one event.</summary>
    public TraceFixture SubmitWithResult(string label, string id, string question, string text, params (string Name, double P)[] outcomes)
    {
        var input = new JsonObject { ["question_id"] = question, ["outcomes"] = Outcomes(outcomes) };
        return Add(label, "assistant", Use(id, "mcp__forecast__submit_forecasts", input), new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = id, ["content"] = text });
    }

    public TraceFixture Recorded(string label, string id, string question, params (string Name, double P)[] outcomes) =>
        Submit(label, id, question, outcomes).Result(label, id, $"Prediction recorded for question {question}: {{...}}");

    /// <summary>A <c>next_day</c> call answered "Day advanced to <paramref name="to"/>" with <paramref name="extra"/> appended.</summary>
    public TraceFixture Advance(string label, string id, string to, string extra = "") =>
        NextDay(label, id).Result(label, id, $"Day advanced to {to}.\n100 new articles have been published.\n{extra}");

    /// <summary>A sub-agent launched in the background.</summary>
    public TraceFixture Background(string label, string id) =>
        Add(label, "assistant", Use(id, "Agent", new JsonObject { ["prompt"] = "research", ["run_in_background"] = true }));

    /// <summary>Any printed text (a Bash output the agent read).</summary>
    public TraceFixture Printed(string label, string id, string text) =>
        Add(label, "user", new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = id, ["content"] = text });

    /// <summary>Writes the shards under <paramref name="data"/> and returns the manifest entry of the run.</summary>
    public JsonObject Write(string data, string agent, string runId, string seed, IEnumerable<(string Date, double Bss, double Accuracy)>? metrics = null)
    {
        var days = new JsonArray();
        foreach (var group in _events.GroupBy(e => e.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var path = $"runs/{agent}/{runId}/{group.Key}.json";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(data, path))!);
            var shard = new JsonObject
            {
                ["agent_slug"] = agent, ["run_id"] = runId, ["sim_date"] = group.Key,
                ["events"] = new JsonArray([.. group.Select(e => (JsonNode)e.Event.DeepClone())]), ["truncated"] = false,
            };
            File.WriteAllText(Path.Combine(data, path), shard.ToJsonString());
            days.Add(new JsonObject { ["date"] = group.Key, ["path"] = path });
        }

        return new JsonObject
        {
            ["agent_name"] = agent.ToUpperInvariant(), ["agent_slug"] = agent, ["model"] = "model-" + agent, ["harness"] = Harness,
            ["harness_name"] = Harness + " test", ["harness_slug"] = "test", ["seed_label"] = seed, ["run_id"] = runId,
            ["metrics"] = new JsonArray([.. (metrics ?? []).Select(m => (JsonNode)new JsonObject { ["date"] = m.Date, ["brier_skill_score"] = m.Bss, ["top1_accuracy"] = m.Accuracy })]),
            ["days"] = days,
            ["workspace"] = new JsonObject { ["manifest_path"] = $"workspaces/{agent}/{runId}/manifest.json" },
        };
    }

    public static void WriteManifest(string data, params JsonObject[] runs) =>
        File.WriteAllText(Path.Combine(data, "manifest.json"), new JsonObject { ["version"] = 1, ["runs"] = new JsonArray(runs) }.ToJsonString());

    /// <summary>Writes an exported workspace's <c>predictions/&lt;day&gt;.json</c>.</summary>
    public static void WriteWorkspacePredictions(string data, string agent, string runId, string day, params (string Question, (string Name, double P)[] Outcomes)[] forecasts)
    {
        var folder = Path.Combine(data, "workspaces", agent, runId, "files", "predictions");
        Directory.CreateDirectory(folder);
        var list = new JsonArray([.. forecasts.Select(f => (JsonNode)new JsonObject { ["question_id"] = f.Question, ["outcomes"] = Outcomes(f.Outcomes) })]);
        File.WriteAllText(Path.Combine(folder, day + ".json"), list.ToJsonString());
    }

    /// <summary>The results part of a <c>next_day</c> reply.</summary>
    public static string Results(string from, string to, params string[] entries) =>
        $"\n## RESULTS SINCE YOUR LAST SESSION ({from} -> {to})\n\n{string.Join("\n", entries)}\n\n## YOUR CUMULATIVE PERFORMANCE TILL TODAY\n- accuracy: 0.0%\n";

    /// <summary>A results entry of a forecast question (distribution printed with 2 decimals).</summary>
    public static string Predicted(string title, string distribution, string truth, string brier) =>
        $"- \"{title}\"\n  Your prediction distribution: {{{distribution}}} | Truth: {truth}\n  Brier: {brier} | TW-Score: +1.00";

    public static string Unpredicted(string title, string truth) => $"- \"{title}\" → {truth}";

    public static string ResolveTomorrow(string day, params string[] ids) =>
        $"**IMPORTANT**: {ids.Length} question(s) resolve tomorrow ({day}): [{string.Join(", ", ids.Select(i => $"'{i}'"))}].";

    private TraceFixture Add(string label, string kind, params JsonObject[] blocks)
    {
        _idx++;
        _events.Add((label, new JsonObject
        {
            ["idx"] = _idx, ["turn"] = _idx, ["kind"] = kind, ["role"] = kind, ["sim_date"] = label, ["session"] = Harness == "Codex" ? "" : _session,
            ["blocks"] = new JsonArray([.. blocks]),
        }));
        return this;
    }

    private static JsonObject Use(string id, string name, JsonObject input) => new() { ["type"] = "tool_use", ["id"] = id, ["name"] = name, ["input"] = input };

    private static JsonObject Outcomes((string Name, double P)[] outcomes)
    {
        var json = new JsonObject();
        foreach (var (name, p) in outcomes)
        {
            json[name] = p;
        }

        return json;
    }
}
