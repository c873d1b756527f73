using FutureSim.Core.Configuration;

namespace FutureSim.Core.Tests.Configuration;

public sealed class SettingsReaderTests
{
    private static SettingsReader Reader(params (string Key, string Value)[] settings) =>
        new(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)), "agent 'a'");

    [Fact]
    public void AListIsReadFromAnArrayOrFromOneSeparatedValue()
    {
        Assert.Equal(["HOME", "KEY", "PATH"], Reader(("Environment:0", "HOME"), ("Environment:1", "KEY,PATH")).List("environment").ToArray());
        Assert.Empty(Reader().List("Environment"));
    }

    [Fact]
    public void EveryProblemIsReportedAtOnceUnknownKeysIncluded()
    {
        var reader = Reader(("Limit", "ten"), ("Limt", "3"), ("Name", "a"));
        reader.Ignore("Name");
        Assert.Null(reader.Integer("Limit", 0, 100));

        var message = Assert.Throws<ArgumentException>(() => reader.ThrowIfInvalid()).Message;

        Assert.Contains("agent 'a'", message);
        Assert.Contains("'Limit' must be a whole number from 0 to 100; got 'ten'", message);
        Assert.Contains("'Limt' is not a setting", message);
        Assert.DoesNotContain("'Name'", message);
    }
}
