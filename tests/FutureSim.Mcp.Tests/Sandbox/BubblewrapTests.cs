using FutureSim.Mcp.Sandbox;

namespace FutureSim.Mcp.Tests.Sandbox;

public sealed class BubblewrapTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("futuresim-bwrap-test-").FullName;

    [Fact]
    public void AMissingBwrapSaysHowToInstallItAndHowToOptOut()
    {
        var error = Assert.Throws<ArgumentException>(() => Bubblewrap.Require("claude", Path.Combine(folder, "bwrap")));

        Assert.StartsWith("Agent 'claude' (kind cli-harness) runs in a bubblewrap sandbox (\"Sandbox\": \"bubblewrap\", the default), but the bwrap program was not found at ", error.Message);
        Assert.Contains("apt-get install bubblewrap", error.Message);
        Assert.Contains("opt out with \"Sandbox\": \"none\"", error.Message);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void ABwrapThatCannotCreateTheNamespacesSaysWhatItSaidAndWhatToChange()
    {
        var fake = Path.Combine(folder, "bwrap");
        File.WriteAllText(fake, "#!/bin/sh\necho 'bwrap: No permissions to create new namespace, likely because the kernel does not allow non-privileged user namespaces.' >&2\nexit 1\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = Assert.Throws<ArgumentException>(() => Bubblewrap.Require("claude", fake));

        Assert.Contains($"{fake} could not build the sandbox: exit code 1: bwrap: No permissions to create new namespace", error.Message);
        Assert.Contains("kernel.unprivileged_userns_clone=1", error.Message);
        Assert.Contains("opt out with \"Sandbox\": \"none\"", error.Message);
    }

    [Fact]
    public void TheInstalledBwrapBuildsTheSandbox() => Assert.Equal(Bubblewrap.Locate(), Bubblewrap.Require("claude"));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
