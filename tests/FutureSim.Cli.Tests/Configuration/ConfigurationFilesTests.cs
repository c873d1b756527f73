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

    [Fact]
    public void ASweepSectionInAConfigurationFileIsAnErrorNamingTheFile()
    {
        var file = Write("""{ "Sweep": { "Seeds": [1, 2] } }""");
        try
        {
            var error = Assert.Throws<OptionsException>(() => ConfigurationFiles.Read([file]));

            Assert.Contains(file, error.Message);
            Assert.Contains("Sweep section belongs in a sweep file", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TheSweepFileItselfMayHoldTheSweepSectionAndOtherFilesStillMayNot()
    {
        var settings = Write("""{ "Simulation": { "End": "2025-03-01" } }""");
        var sweep = Write("""{ "Sweep": { "Seeds": [1, 2] }, "Simulation": { "End": "2025-04-01" } }""");
        try
        {
            var (files, merged) = ConfigurationFiles.Read([settings, sweep], sweepFile: sweep);

            Assert.Equal(2, files.Count);
            Assert.Equal("2025-04-01", merged["Simulation:End"]);
            Assert.Equal("2", merged["Sweep:Seeds:1"]);
            Assert.Throws<OptionsException>(() => ConfigurationFiles.Read([sweep, settings], sweepFile: settings));
        }
        finally
        {
            File.Delete(settings);
            File.Delete(sweep);
        }
    }

    [Fact]
    public void AnEnvironmentVariableSettingASweepKeyIsAnError()
    {
        var error = Assert.Throws<OptionsException>(() => ConfigurationFiles.CheckEnvironment(CliHost.EnvironmentPrefix, ["FUTURESIM_Sweep__Seeds__0"]));

        Assert.Contains("FUTURESIM_Sweep__Seeds__0", error.Message);
        Assert.Contains("sweep file", error.Message);
    }

    private static string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"futuresim-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
