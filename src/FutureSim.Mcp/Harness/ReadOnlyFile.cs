using System.Text;

namespace FutureSim.Mcp.Harness;

/// <summary>Writes files the agent may read but not change (mode 0444 on Unix, the read-only attribute elsewhere), replacing any earlier version.</summary>
internal static class ReadOnlyFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static void Write(string path, string contents) => Write(path, stream =>
    {
        var bytes = Utf8.GetBytes(contents);
        stream.Write(bytes);
    });

    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        Remove(temporary);
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            write(stream);
        }

        Protect(temporary);
        Remove(path);
        File.Move(temporary, path);
    }

    private static void Remove(string path)
    {
        if (File.Exists(path))
        {
            File.SetAttributes(path, FileAttributes.Normal);
            File.Delete(path);
        }
    }

    private static void Protect(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
