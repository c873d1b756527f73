using System.Collections.Immutable;
using System.Globalization;
using FutureSim.Core.Runs;
using FutureSim.Mcp.Sandbox;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// The settings of a <c>cli-harness</c> agent, read from its <see cref="AgentSpec.Settings"/> (configuration keys
/// flattened, arrays as <c>Key:0</c>, <c>Key:1</c> …):
/// <c>Command</c> (required; placeholders {prompt} {mcp_config} {workspace} {date} {agent} {relay_command} {relay_args_json}),
/// <c>Environment</c> (names of variables passed to the child besides PATH; a list or comma-separated),
/// <c>Prompt</c> (the daily prompt; placeholders {date} {agent} {briefing}),
/// <c>Lifetime</c> (<c>day</c> or <c>run</c>), <c>ExitGrace</c> (a TimeSpan, how long a child may take to exit once told to stop),
/// <c>ArticleHistoryDays</c> (days of news before the first simulated day laid out in the article tree, or <c>all</c>),
/// <c>RelayCommand</c> (how an unsandboxed child launches the MCP relay; default: this executable),
/// <c>Sandbox</c> (<c>bubblewrap</c>, the default, or <c>none</c>),
/// <c>AllowedHosts</c> (hosts a sandboxed agent may reach through the host's proxy, <c>host</c> or <c>host:port</c>),
/// <c>ReadOnlyPaths</c> (absolute host paths shown read-only inside the sandbox at the same place, e.g. the agent's program).
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

    public SandboxKind Sandbox { get; init; } = SandboxKind.Bubblewrap;

    public ImmutableArray<AllowedHost> AllowedHosts { get; init; } = [];

    public ImmutableArray<string> ReadOnlyPaths { get; init; } = [];

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

        return WithSandbox(result, spec, Fail);
    }

    private static CliHarnessSettings WithSandbox(CliHarnessSettings result, AgentSpec spec, Func<string, string> fail)
    {
        var settings = spec.Settings;
        if (Text(settings, "Sandbox") is { Length: > 0 } sandbox)
        {
            result = result with
            {
                Sandbox = Enum.TryParse<SandboxKind>(sandbox, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !sandbox.All(char.IsAsciiDigit)
                    ? kind
                    : throw new ArgumentException($"Agent '{spec.Name}' (kind cli-harness): \"Sandbox\" must be \"bubblewrap\" or \"none\", not \"{sandbox}\"."),
            };
        }

        var hosts = ImmutableArray.CreateBuilder<AllowedHost>();
        foreach (var entry in List(settings, "AllowedHosts"))
        {
            hosts.Add(AllowedHost.TryParse(entry, out var host)
                ? host
                : throw new ArgumentException($"Agent '{spec.Name}' (kind cli-harness): \"AllowedHosts\" entry \"{entry}\" is not a host or host:port (e.g. \"api.anthropic.com\", \"127.0.0.1:8080\")."));
        }

        var paths = Items(settings, "ReadOnlyPaths");
        foreach (var path in paths.Where(p => !Path.IsPathFullyQualified(p)))
        {
            fail($"\"ReadOnlyPaths\" entry \"{path}\" must be an absolute path.");
        }

        result = result with { AllowedHosts = hosts.ToImmutable(), ReadOnlyPaths = paths };
        if (result.Sandbox == SandboxKind.None && (!result.AllowedHosts.IsEmpty || !result.ReadOnlyPaths.IsEmpty))
        {
            fail("\"AllowedHosts\" and \"ReadOnlyPaths\" shape the bubblewrap sandbox; with \"Sandbox\": \"none\" there is none. Remove them, or drop \"Sandbox\": \"none\".");
        }

        if (result.Sandbox == SandboxKind.Bubblewrap && !result.RelayCommand.IsEmpty)
        {
            fail("\"RelayCommand\" applies only with \"Sandbox\": \"none\": inside the sandbox the relay is the futuresim program bound at " + SandboxLayout.ProgramFolder + ".");
        }

        return result;
    }

    private static string? Text(ImmutableSortedDictionary<string, string> settings, string key) =>
        settings.FirstOrDefault(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

    /// <summary>A list given as an array or as one string separated by commas, spaces or semicolons.</summary>
    private static ImmutableArray<string> List(ImmutableSortedDictionary<string, string> settings, string key) =>
        [.. Items(settings, key).SelectMany(s => s.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    /// <summary>A list given as an array (each item whole, e.g. a path with spaces) or as one string.</summary>
    private static ImmutableArray<string> Items(ImmutableSortedDictionary<string, string> settings, string key) =>
        [.. settings
            .Where(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || s.Key.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Value.Trim())
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)];
}
