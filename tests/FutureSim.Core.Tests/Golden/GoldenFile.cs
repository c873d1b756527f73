using System.Runtime.CompilerServices;

namespace FutureSim.Core.Tests.Golden;

/// <summary>
/// Compares rendered text with a checked-in file under a <c>Golden</c> folder next to the calling test.
/// Set FUTURESIM_UPDATE_GOLDEN=1 to (re)write the files instead, then review the diff.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "FUTURESIM_UPDATE_GOLDEN";

    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "Golden", name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"The golden file {path} is missing; run the tests with {UpdateVariable}=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
