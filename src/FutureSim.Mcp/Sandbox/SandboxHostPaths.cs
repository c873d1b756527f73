using System.Collections.Immutable;

namespace FutureSim.Mcp.Sandbox;

/// <summary>
/// What a sandbox needs to know about the host: the folder of the <c>futuresim</c> program (bound read-only into every
/// sandbox, for the MCP relay and the process that starts the agent inside), and the paths no sandbox may ever show:
/// the FutureSim folder, the runs, the corpus files, the index, the question files and the configuration. A protected
/// path that lies inside a folder the sandbox binds (the system folders, the program folder) is hidden under an empty
/// mount; an agent's <c>ReadOnlyPaths</c> entry inside a protected path is refused.
/// </summary>
public sealed record SandboxHostPaths
{
    /// <summary>The folder that holds <c>futuresim.dll</c>.</summary>
    public required string ProgramDirectory { get; init; }

    public ImmutableArray<string> Protected { get; init; } = [];

    /// <summary>This process's own program folder, with <paramref name="protectedPaths"/>.</summary>
    public static SandboxHostPaths ForThisProgram(IEnumerable<string> protectedPaths) =>
        new() { ProgramDirectory = AppContext.BaseDirectory, Protected = [.. protectedPaths] };

    /// <summary>
    /// The absolute path with every symbolic link resolved (as far as the path exists), so that a protected path cannot
    /// be reached under another name.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var resolved = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(resolved, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is null)
            {
                resolved = next;
                continue;
            }

            if (info.ResolveLinkTarget(returnFinalTarget: true) is not { } target)
            {
                resolved = next;
                continue;
            }

            // Resolve the rest of the path against the link's final target.
            return RealPath(Path.Combine([target.FullName, .. parts[(i + 1)..]]));
        }

        return resolved;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it (both real paths).</summary>
    public static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith('/') ? folder : folder + "/", StringComparison.Ordinal);
}
