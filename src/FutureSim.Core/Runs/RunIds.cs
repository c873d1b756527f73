using System.Globalization;

namespace FutureSim.Core.Runs;

/// <summary>
/// Run ids name run folders. A default id is <c>run-YYYYMMDD-HHMMSS-xxxx</c>: the UTC wall time to the second and four
/// random hexadecimal digits, so that runs started in the same second do not collide (a creation that still finds its
/// id taken draws another). A chosen id uses letters, digits, <c>-</c>, <c>_</c> and <c>.</c> and does not start with <c>.</c>.
/// </summary>
public static class RunIds
{
    /// <summary>What a run id may be, for messages.</summary>
    public const string Rule = "use 1 to 100 ASCII letters, digits, '-', '_' and '.', not starting with '.'";

    public static string New(TimeProvider timeProvider) =>
        string.Create(CultureInfo.InvariantCulture, $"run-{timeProvider.GetUtcNow():yyyyMMdd-HHmmss}-{Random.Shared.Next(0x10000):x4}");

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 100 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
