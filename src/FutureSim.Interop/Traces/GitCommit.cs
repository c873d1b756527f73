namespace FutureSim.Interop.Traces;

/// <summary>Finds the commit a folder is checked out at, reading <c>.git</c> files directly (no git process).</summary>
internal static class GitCommit
{
    public static string? Of(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (File.Exists(git) && File.ReadAllText(git).Trim() is var pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                git = Path.GetFullPath(Path.Combine(dir.FullName, pointer["gitdir:".Length..].Trim()));
            }

            if (!Directory.Exists(git) || !File.Exists(Path.Combine(git, "HEAD")))
            {
                continue;
            }

            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            if (!head.StartsWith("ref:", StringComparison.Ordinal))
            {
                return head;
            }

            var reference = head[4..].Trim();
            var loose = Path.Combine(git, reference);
            if (File.Exists(loose))
            {
                return File.ReadAllText(loose).Trim();
            }

            var packed = Path.Combine(git, "packed-refs");
            return File.Exists(packed)
                ? File.ReadLines(packed).Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 2 && p[1] == reference)?[0]
                : null;
        }

        return null;
    }
}
