namespace FutureSim.Cli.Running;

/// <summary>What the <c>run</c> verb was asked on its command line (options not given are null).</summary>
internal sealed record RunRequest
{
    public string? RunId { get; init; }

    public IReadOnlyList<string>? Agents { get; init; }

    public IReadOnlyList<string>? QuestionSets { get; init; }

    public IReadOnlyList<string>? Corpus { get; init; }

    /// <summary>Continue this run from its last completed day.</summary>
    public string? Resume { get; init; }

    /// <summary>Re-execute this run from its recorded model calls into a new run folder.</summary>
    public string? Replay { get; init; }

    public bool Quiet { get; init; }
}
