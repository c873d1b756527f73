using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Benchmarks;
using FutureSim.Core.Runs;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim bench …</c>: measurements of the product's speed targets, printed as text or JSON.</summary>
internal static class BenchCommand
{
    public static Option<bool> Json { get; } = new("--json") { Description = "Print the report as JSON." };

    public static Command Create()
    {
        var command = new Command("bench", "Measure speed: retrieval, harness tool-call overhead.");
        command.Add(Tools());
        return command;
    }

    /// <summary>Writes a report as indented snake_case JSON or as aligned text lines.</summary>
    public static void Print<T>(T report, bool json, Func<T, IEnumerable<(string Label, string Value)>> lines)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, RunFormat.IndentedJson));
            return;
        }

        var rows = lines(report).ToArray();
        var width = rows.Max(r => r.Label.Length);
        foreach (var (label, value) in rows)
        {
            Console.Out.WriteLine($"{label.PadRight(width)}  {value}");
        }
    }

    private static Command Tools()
    {
        var questions = new Option<int>("--open-questions") { Description = "Open questions on the simulated day.", DefaultValueFactory = _ => 300 };
        var calls = new Option<int>("--calls") { Description = "Tool calls to time.", DefaultValueFactory = _ => 20_000 };
        var command = new Command("tools", "Harness overhead per tool call (validation, market view, recording), search excluded.") { questions, calls, Json };
        command.SetAction(parse =>
        {
            var report = ToolOverheadBenchmark.Run(parse.GetValue(questions), parse.GetValue(calls));
            Print(report, parse.GetValue(Json), r => r.Tools.Select(t => (
                t.Key,
                string.Create(CultureInfo.InvariantCulture, $"p50 {t.Value.P50:0.0} µs  p95 {t.Value.P95:0.0} µs  p99 {t.Value.P99:0.0} µs"))));
            return CommandHost.Success;
        });
        return command;
    }
}
