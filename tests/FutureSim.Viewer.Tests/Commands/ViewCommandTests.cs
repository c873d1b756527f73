using System.Net;
using System.Net.Sockets;

namespace FutureSim.Viewer.Tests.Commands;

/// <summary><c>futuresim view</c> and <c>futuresim report</c> given what they cannot use: a clear message and exit code 2.</summary>
[Collection(ViewerCollection.Name)]
public sealed class ViewCommandTests(ViewerRun run)
{
    [Fact]
    public async Task APortAlreadyInUseIsABadInputAndNotACrash()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var view = Task.Run(() => run.Cli(["view", run.RunFolder, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]));

        Assert.Same(view, await Task.WhenAny(view, Task.Delay(TimeSpan.FromSeconds(60))));
        Assert.Equal(2, await view);
    }

    [Theory]
    [InlineData("view")]
    [InlineData("report")]
    public void AFolderThatDoesNotExistIsABadInput(string verb)
    {
        Assert.Equal(2, run.Cli([verb, Path.Combine(run.Root, "no-such-runs")]));
    }
}
