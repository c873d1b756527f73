using System.Collections.Immutable;
using System.Globalization;
using FutureSim.Core.Configuration;
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

    /// <summary>Reads and validates the settings; throws one <see cref="ArgumentException"/> naming the agent and every bad or unknown key.</summary>
    public static CliHarnessSettings From(AgentSpec spec)
    {
        var reader = new SettingsReader(spec.Settings, $"agent '{spec.Name}' (kind cli-harness)");
        reader.Ignore("Name", "Kind");
        var command = reader.String("Command") is { } c ? CommandLine.Split(c) : [];
        if (command.IsEmpty)
        {
            reader.Problem("set \"Command\", e.g. \"claude -p {prompt} --mcp-config {mcp_config} --strict-mcp-config\".");
        }

        var defaults = new CliHarnessSettings { Command = command };
        var history = reader.String("ArticleHistoryDays");
        int? days = defaults.ArticleHistoryDays;
        if (history is not null)
        {
            days = history.Equals("all", StringComparison.OrdinalIgnoreCase) ? null
                : int.TryParse(history, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : Invalid($"'ArticleHistoryDays' must be a number of days or \"all\"; got '{history}'.");
        }

        int? Invalid(string problem)
        {
            reader.Problem(problem);
            return null;
        }

        var settings = defaults with
        {
            Environment = reader.List("Environment"),
            Prompt = reader.String("Prompt") ?? defaults.Prompt,
            Lifetime = reader.Choice("Lifetime", Lifetimes) ?? defaults.Lifetime,
            ExitGrace = reader.Duration("ExitGrace", TimeSpan.Zero, TimeSpan.FromHours(1)) ?? defaults.ExitGrace,
            ArticleHistoryDays = days,
            RelayCommand = reader.String("RelayCommand") is { } relay ? CommandLine.Split(relay) : [],
            Sandbox = reader.Choice("Sandbox", Sandboxes) ?? defaults.Sandbox,
        };
        settings = WithSandboxShape(settings, reader);
        reader.ThrowIfInvalid("See the README section on CLI-harness agents for every setting.");
        return settings;
    }

    /// <summary>The hosts and paths that shape the sandbox, and the settings that only make sense with or without one.</summary>
    private static CliHarnessSettings WithSandboxShape(CliHarnessSettings settings, SettingsReader reader)
    {
        var hosts = ImmutableArray.CreateBuilder<AllowedHost>();
        foreach (var entry in reader.List("AllowedHosts"))
        {
            if (AllowedHost.TryParse(entry, out var host))
            {
                hosts.Add(host);
            }
            else
            {
                reader.Problem($"'AllowedHosts' entry \"{entry}\" is not a host or host:port (e.g. \"api.anthropic.com\", \"127.0.0.1:8080\").");
            }
        }

        var paths = reader.Items("ReadOnlyPaths");
        foreach (var path in paths.Where(p => !Path.IsPathFullyQualified(p)))
        {
            reader.Problem($"'ReadOnlyPaths' entry \"{path}\" must be an absolute path.");
        }

        settings = settings with { AllowedHosts = hosts.ToImmutable(), ReadOnlyPaths = paths };
        if (settings.Sandbox == SandboxKind.None && (!settings.AllowedHosts.IsEmpty || !settings.ReadOnlyPaths.IsEmpty))
        {
            reader.Problem("'AllowedHosts' and 'ReadOnlyPaths' shape the bubblewrap sandbox; with \"Sandbox\": \"none\" there is none. Remove them, or drop \"Sandbox\": \"none\".");
        }

        if (settings.Sandbox == SandboxKind.Bubblewrap && !settings.RelayCommand.IsEmpty)
        {
            reader.Problem("'RelayCommand' applies only with \"Sandbox\": \"none\": inside the sandbox the relay is the futuresim program bound at " + SandboxLayout.ProgramFolder + ".");
        }

        return settings;
    }

    private static readonly IReadOnlyDictionary<string, SandboxKind> Sandboxes = new Dictionary<string, SandboxKind>
    {
        ["bubblewrap"] = SandboxKind.Bubblewrap,
        ["none"] = SandboxKind.None,
    };

    private static readonly IReadOnlyDictionary<string, ChildLifetime> Lifetimes = new Dictionary<string, ChildLifetime>
    {
        ["day"] = ChildLifetime.Day,
        ["run"] = ChildLifetime.Run,
    };
}
