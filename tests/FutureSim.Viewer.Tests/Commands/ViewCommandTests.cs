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

    [Fact]
    public void TheViewerBenchTimesEveryKindOfPageOverHttpAndPassesItsChecks()
    {
        var output = new StringWriter();

        Assert.Equal(0, run.Cli(["bench", "viewer", run.RunFolder, "--questions", "5", "--json"], output));

        using var report = System.Text.Json.JsonDocument.Parse(output.ToString());
        var root = report.RootElement;
        Assert.Equal(ViewerRun.RunId, root.GetProperty("run").GetString());
        Assert.True(root.GetProperty("questions_timed").GetInt32() >= 5);
        Assert.True(root.GetProperty("question_page_p50_ms").GetDouble() > 0);
        Assert.InRange(root.GetProperty("report_bytes").GetInt64(), 1, 15_000_000);
    }

    [Theory]
    [InlineData("view")]
    [InlineData("report")]
    public void AFolderThatDoesNotExistIsABadInput(string verb)
    {
        Assert.Equal(2, run.Cli([verb, Path.Combine(run.Root, "no-such-runs")]));
    }
}
