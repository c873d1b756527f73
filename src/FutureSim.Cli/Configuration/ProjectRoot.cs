namespace FutureSim.Cli.Configuration;

/// <summary>
/// The folder that holds <c>appsettings.json</c>: relative paths in configuration are resolved against it.
/// It is <c>FUTURESIM_ROOT</c> when set (so that an agent's harness can run in an empty folder that does
/// not expose the corpus and the runs), else the current directory or the nearest parent that has the
/// file, else the executable's folder if it has the file; else there is none, which is an <see cref="OptionsException"/>
/// saying where it looked.
/// </summary>
internal static class ProjectRoot
{
    public const string SettingsFile = "appsettings.json";
    public const string RootVariable = "FUTURESIM_ROOT";

    public static string Find(string? start = null)
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, SettingsFile))
                ? Path.GetFullPath(configured)
                : throw new OptionsException($"{RootVariable}={configured} does not hold {SettingsFile}; point it at the FutureSim folder.");
        }

        var from = start ?? Directory.GetCurrentDirectory();
        for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SettingsFile)))
            {
                return directory.FullName;
            }
        }

        return File.Exists(Path.Combine(AppContext.BaseDirectory, SettingsFile))
            ? AppContext.BaseDirectory
            : throw new OptionsException(
                $"No {SettingsFile} in {Path.GetFullPath(from)} or any folder above it, nor beside the executable, and {RootVariable} is not set: " +
                $"run futuresim from the FutureSim folder, or set {RootVariable}=/path/to/FutureSim.");
    }

    /// <summary>An absolute path for a configured path, relative ones taken from <paramref name="root"/>.</summary>
    public static string Resolve(string root, string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
}
