using FutureSim.Cli.Configuration;

namespace FutureSim.Cli.Tests.Configuration;

public sealed class ConfigurationFilesTests
{
    [Theory]
    [InlineData("FUTURESIM_Simulation__End")]
    [InlineData("FUTURESIM_Search__Mode")]
    [InlineData("FUTURESIM_Search__Embeddings__Model")]
    [InlineData("FUTURESIM_Corpus__Files__0")]
    [InlineData("FUTURESIM_Agents__0__HitsPerQuestion")]
    [InlineData("FUTURESIM_ROOT")]
    public void EnvironmentVariablesNamingKnownKeysAreAccepted(string variable) =>
        ConfigurationFiles.CheckEnvironment(CliHost.EnvironmentPrefix, [variable]);

    [Theory]
    [InlineData("FUTURESIM_Simulation__Ende", "Simulation:Ende")]
    [InlineData("FUTURESIM_Serach__Mode", "Serach")]
    [InlineData("FUTURESIM_Search__Embeddings__Modle", "Search:Embeddings:Modle")]
    public void EnvironmentVariablesNamingUnknownKeysAreErrorsNamingTheVariableAndTheKey(string variable, string key)
    {
        var error = Assert.Throws<OptionsException>(() => ConfigurationFiles.CheckEnvironment(CliHost.EnvironmentPrefix, [variable]));

        Assert.Contains(variable, error.Message);
        Assert.Contains(key, error.Message);
    }
}
