using FutureSim.Core.Input;
using FutureSim.Viewer.Runs;

namespace FutureSim.Viewer.Tests.Runs;

[Collection(ViewerCollection.Name)]
public sealed class RunLocatorTests(ViewerRun run)
{
    [Fact]
    public void AFolderOfRunsAndARunFolderBothFindTheRun()
    {
        Assert.Equal([ViewerRun.RunId], RunLocator.Find([run.RunsDirectory]).Select(r => r.Id));
        Assert.Equal([Path.GetFullPath(run.RunFolder)], RunLocator.Find([run.RunFolder]).Select(r => r.Folder));
    }

    [Fact]
    public void AFolderWithoutRunsIsABadInputNamingIt()
    {
        var empty = Directory.CreateTempSubdirectory("futuresim-no-runs").FullName;

        var error = Assert.Throws<InvalidInputException>(() => RunLocator.Find([empty]));

        Assert.Equal(empty, error.Error.File);
        Directory.Delete(empty);
    }

    [Theory]
    [InlineData("../..")]
    [InlineData("../../..")]
    [InlineData("/etc")]
    [InlineData("a/../../../b")]
    public void AnAgentNameNeverLeadsOutOfItsRunFolder(string agent)
    {
        var location = RunLocator.Find([run.RunFolder])[0];

        var path = RunLocator.AgentFile(location, agent, "model-calls.jsonl");

        Assert.True(path is null || path.StartsWith(Path.Combine(location.Folder, "agents") + Path.DirectorySeparatorChar, StringComparison.Ordinal), path);
    }
}
