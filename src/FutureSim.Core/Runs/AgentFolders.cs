using FutureSim.Core.Input;

namespace FutureSim.Core.Runs;

/// <summary>
/// Each agent's own folder in a run folder, <c>agents/&lt;name&gt;/</c> (model-call recordings, usage, workspaces).
/// Agent names become folder names, so they are restricted to a safe set — ASCII letters, digits, <c>-</c>,
/// <c>_</c> and <c>.</c>, starting with a letter or digit, at most 64 characters — and every path built from one
/// is checked to stay inside the run folder.
/// </summary>
public static class AgentFolders
{
    public const int MaxNameLength = 64;

    /// <summary>What a name may be, for messages.</summary>
    public const string NameRule = "use 1 to 64 ASCII letters, digits, '-', '_' and '.', starting with a letter or digit";

    /// <summary>True when <paramref name="name"/> is a safe agent name (see the class remarks).</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength }
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The folder of agent <paramref name="name"/> in the run folder <paramref name="runDirectory"/>.</summary>
    /// <exception cref="InvalidInputException">The name is not a safe folder name, or the path would leave the run folder.</exception>
    public static string For(string runDirectory, string name)
    {
        var manifest = Path.Combine(runDirectory, RunFolderLayout.Manifest);
        if (!IsValidName(name))
        {
            throw new InvalidInputException(new RecordError(manifest, 0, $"agent name '{name}' cannot name a folder: {NameRule}."));
        }

        var root = Path.GetFullPath(runDirectory);
        var folder = Path.GetFullPath(Path.Combine(root, RunFolderLayout.Agents, name));
        return folder.StartsWith(Path.Combine(root, RunFolderLayout.Agents) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? folder
            : throw new InvalidInputException(new RecordError(manifest, 0, $"the folder of agent '{name}' would be outside the run folder."));
    }
}
