using System.Collections.Immutable;
using System.Globalization;
using FutureSim.Core.Runs;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// The settings of a <c>cli-harness</c> agent, read from its <see cref="AgentSpec.Settings"/> (configuration keys
/// flattened, arrays as <c>Key:0</c>, <c>Key:1</c> …):
/// <c>Command</c> (required; placeholders {prompt} {mcp_config} {workspace} {date} {agent} {relay_command} {relay_args_json}),
/// <c>Environment</c> (names of variables passed to the child besides PATH; a list or comma-separated),
/// <c>Prompt</c> (the daily prompt; placeholders {date} {agent} {briefing}),
/// <c>Lifetime</c> (<c>day</c> or <c>run</c>), <c>ExitGrace</c> (a TimeSpan, how long a child may take to exit once told to stop),
/// <c>ArticleHistoryDays</c> (days of news before the first simulated day laid out in the article tree, or <c>all</c>),
/// <c>RelayCommand</c> (how the child launches the MCP relay; default: this executable).
/// </summary>
internal sealed record CliHarnessSettings
{
    public const string DefaultPrompt =
        "You are a forecaster in a simulation that replays world news one day at a time. Today is {date}.\n" +
        "Your working directory holds market.csv (the forecasting questions, read-only), articles/YYYY/MM/DD/articles.jsonl " +
        "(the news that has arrived so far, one JSON object per line) and memory/ (your own files, kept across days).\n" +
        "Use the futuresim MCP tools: list_questions, search_news, get_article, submit_forecasts, read_notes and write_notes. " +
        "Submit a probability forecast for every open question you can (a later submission replaces an earlier one), " +
        "learn from the resolved questions, keep notes for tomorrow in memory/, and when you are done for today call next_day.\n\n" +
        "This morning's feedback:\n{briefing}";

    public required ImmutableArray<string> Command { get; init; }

    public ImmutableArray<string> Environment { get; init; } = [];

    public string Prompt { get; init; } = DefaultPrompt;

    public ChildLifetime Lifetime { get; init; } = ChildLifetime.Day;

    public TimeSpan ExitGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Null means the whole history.</summary>
    public int? ArticleHistoryDays { get; init; } = 7;

    /// <summary>Empty means this executable.</summary>
    public ImmutableArray<string> RelayCommand { get; init; } = [];

    /// <summary>Reads and validates the settings; throws <see cref="ArgumentException"/> naming the agent and key.</summary>
    public static CliHarnessSettings From(AgentSpec spec)
    {
        var settings = spec.Settings;
        string Fail(string message) => throw new ArgumentException($"Agent '{spec.Name}' (kind cli-harness): {message}");

        var command = Text(settings, "Command") is { Length: > 0 } c ? CommandLine.Split(c) : [];
        if (command.IsEmpty)
        {
            Fail("set \"Command\", e.g. \"claude -p {prompt} --mcp-config {mcp_config} --strict-mcp-config\".");
        }

        var result = new CliHarnessSettings { Command = command, Environment = List(settings, "Environment") };
        if (Text(settings, "Prompt") is { Length: > 0 } prompt)
        {
            result = result with { Prompt = prompt };
        }

        if (Text(settings, "Lifetime") is { Length: > 0 } lifetime)
        {
            result = result with
            {
                Lifetime = Enum.TryParse<ChildLifetime>(lifetime, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new ArgumentException($"Agent '{spec.Name}' (kind cli-harness): \"Lifetime\" must be \"day\" or \"run\", not \"{lifetime}\"."),
            };
        }

        if (Text(settings, "ExitGrace") is { Length: > 0 } grace)
        {
            result = result with
            {
                ExitGrace = TimeSpan.TryParse(grace, CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero
                    ? parsed
                    : throw new ArgumentException($"Agent '{spec.Name}' (kind cli-harness): \"ExitGrace\" must be a duration such as \"00:00:10\", not \"{grace}\"."),
            };
        }

        if (Text(settings, "ArticleHistoryDays") is { Length: > 0 } history)
        {
            result = result with
            {
                ArticleHistoryDays = history.Equals("all", StringComparison.OrdinalIgnoreCase) ? null
                    : int.TryParse(history, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days
                    : throw new ArgumentException($"Agent '{spec.Name}' (kind cli-harness): \"ArticleHistoryDays\" must be a number of days or \"all\", not \"{history}\"."),
            };
        }

        if (Text(settings, "RelayCommand") is { Length: > 0 } relay)
        {
            result = result with { RelayCommand = CommandLine.Split(relay) };
        }

        return result;
    }

    private static string? Text(ImmutableSortedDictionary<string, string> settings, string key) =>
        settings.FirstOrDefault(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

    private static ImmutableArray<string> List(ImmutableSortedDictionary<string, string> settings, string key)
    {
        var items = settings
            .Where(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || s.Key.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.Value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return [.. items.Distinct(StringComparer.Ordinal)];
    }
}
