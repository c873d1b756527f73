using FutureSim.Core.Input;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Tests.Runs;

public sealed class AgentFoldersTests
{
    [Theory]
    [InlineData("gpt-4o.mini_2")]
    [InlineData("news-frequency")]
    [InlineData("A")]
    public void ASafeAgentNameGetsAFolderInsideTheRunFolder(string name)
    {
        var root = Path.Combine(Path.GetTempPath(), "run");
        Assert.True(AgentFolders.IsValidName(name));
        Assert.Equal(Path.Combine(root, "agents", name), AgentFolders.For(root, name));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc")]
    [InlineData("")]
    [InlineData(" gpt")]
    [InlineData("name with spaces")]
    [InlineData("é")]
    public void ANameThatIsNotASafeFolderNameGetsNoFolder(string name)
    {
        Assert.False(AgentFolders.IsValidName(name));
        var error = Assert.Throws<InvalidInputException>(() => AgentFolders.For(Path.GetTempPath(), name));
        Assert.Contains("letters, digits", error.Message);
    }

    [Fact]
    public void ANameLongerThanSixtyFourCharactersIsRefused() =>
        Assert.False(AgentFolders.IsValidName(new string('a', 65)));
}
