using System.Reflection;

namespace FutureSim.Mcp.Tests;

/// <summary>The built <c>futuresim</c> executable (the CLI project is built with the tests) and how to start it.</summary>
internal static class FutureSimExecutable
{
    public static string DllPath { get; } = Path.GetFullPath(
        typeof(FutureSimExecutable).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FutureSimCli").Value!);

    /// <summary>The muxer that runs this test host, so that the child runs on the same runtime.</summary>
    public static string Dotnet { get; } = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
}
