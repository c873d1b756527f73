using System.Reflection;

namespace FutureSim.Agents.Assemblies;

/// <summary>
/// Loads a public type a user named in configuration from an assembly file (a plugin, an agent), with errors
/// that name the file and the type and say what to do.
/// </summary>
internal static class UserTypes
{
    /// <summary>The type, or throws <see cref="ArgumentException"/> saying why it cannot be loaded.</summary>
    public static Type Load(string assemblyPath, string typeName, string owner)
    {
        var path = Path.GetFullPath(assemblyPath);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{owner}: the assembly '{assemblyPath}' does not exist (looked for {path}). Build it and give its path, relative to the current folder or absolute.");
        }

        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(path);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            throw new ArgumentException($"{owner}: '{assemblyPath}' cannot be loaded as a .NET assembly: {e.Message}", e);
        }

        Type? type;
        try
        {
            type = assembly.GetType(typeName, throwOnError: false, ignoreCase: false);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException)
        {
            throw new ArgumentException($"{owner}: the type '{typeName}' in '{assemblyPath}' cannot be loaded: {e.Message}", e);
        }

        if (type is null || !type.IsPublic)
        {
            var known = SafeExportedTypes(assembly).Select(t => t.FullName).Order(StringComparer.Ordinal).Take(10);
            throw new ArgumentException($"{owner}: '{assemblyPath}' has no public type '{typeName}' (give the full name with its namespace). Public types: {string.Join(", ", known)}.");
        }

        return type;
    }

    private static Type[] SafeExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            return [];
        }
    }
}
