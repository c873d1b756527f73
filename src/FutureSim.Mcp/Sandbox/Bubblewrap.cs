using System.Collections.Concurrent;
using System.Diagnostics;

namespace FutureSim.Mcp.Sandbox;

/// <summary>
/// Finds the <c>bwrap</c> program and checks, once per process, that it can build the sandbox agents run in (it starts
/// <c>true</c> inside <see cref="SandboxLayout.Base"/>). A missing program or a kernel that refuses the namespaces is
/// reported with how to install bubblewrap or how to opt out; it never means running unsandboxed.
/// </summary>
internal static class Bubblewrap
{
    public const string ProgramName = "bwrap";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);
    private static readonly ConcurrentDictionary<string, Lazy<string?>> Probes = new(StringComparer.Ordinal);

    /// <summary>The first <c>bwrap</c> on PATH, or null.</summary>
    public static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, ProgramName))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Returns the path of a working <c>bwrap</c>; throws <see cref="ArgumentException"/> naming <paramref name="agent"/>,
    /// what is wrong and what to do when there is none (<paramref name="program"/>: a given path instead of PATH's).
    /// </summary>
    public static string Require(string agent, string? program = null)
    {
        var found = program ?? Locate();
        var prefix = $"Agent '{agent}' (kind cli-harness) runs in a bubblewrap sandbox (\"Sandbox\": \"bubblewrap\", the default), but ";
        const string optOut = " Or opt out with \"Sandbox\": \"none\" in the agent's entry; the agent can then read every file you can, the answers included.";
        if (found is null || !File.Exists(found))
        {
            throw new ArgumentException(
                prefix + $"the {ProgramName} program was not found{(program is null ? " on PATH" : $" at {program}")}. " +
                "Install bubblewrap (Debian and Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap; Arch: pacman -S bubblewrap)." + optOut);
        }

        if (Probes.GetOrAdd(found, path => new Lazy<string?>(() => Probe(path))).Value is { } problem)
        {
            throw new ArgumentException(
                prefix + $"{found} could not build the sandbox: {problem} " +
                "The kernel or the container refuses user, mount or network namespaces: allow unprivileged user namespaces " +
                "(sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 also kernel.apparmor_restrict_unprivileged_userns=0), " +
                "or run the container with namespaces permitted (e.g. docker run --security-opt seccomp=unconfined --cap-add SYS_ADMIN)." + optOut);
        }

        return found;
    }

    /// <summary>Null when a sandbox starts and exits cleanly; else what bwrap said.</summary>
    private static string? Probe(string program)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in SandboxLayout.Base())
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--");
        info.ArgumentList.Add(File.Exists("/usr/bin/true") ? "/usr/bin/true" : "/bin/true");
        try
        {
            using var process = Process.Start(info)!;
            var errors = new System.Text.StringBuilder();
            process.ErrorDataReceived += (_, line) =>
            {
                lock (errors)
                {
                    errors.Append(line.Data).Append(' ');
                }
            };
            process.BeginErrorReadLine();
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return $"it did not finish within {ProbeTimeout.TotalSeconds:0} s.";
            }

            process.WaitForExit();
            lock (errors)
            {
                return process.ExitCode == 0 ? null : $"exit code {process.ExitCode}: {errors.ToString().Trim()}".TrimEnd(':', ' ') + ".";
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message + ".";
        }
    }
}
