using System.Reflection;
using FutureSim.Agents.Frameworks;
using FutureSim.Cli.Evaluation;
using PublicApiGenerator;

namespace FutureSim.Cli.Tests.PublicApi;

/// <summary>
/// The public surface of the library assemblies is curated: a change to it shows up here as a difference from
/// the approved text, which is updated on purpose (the test writes <c>*.received.txt</c> beside it).
/// </summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData("futuresim")]
    [InlineData("FutureSim.Agents")]
    public void ThePublicApiIsTheApprovedOne(string assemblyName)
    {
        var assembly = new[] { typeof(FutureSimulation).Assembly, typeof(FrameworkAgents).Assembly }.Single(a => a.GetName().Name == assemblyName);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] })
            .ReplaceLineEndings("\n");
        var folder = Path.Combine(FutureSim.Cli.Configuration.ProjectRoot.Find(), "tests", "FutureSim.Cli.Tests", "PublicApi");
        var approved = Path.Combine(folder, assemblyName + ".approved.txt");
        var received = Path.Combine(folder, assemblyName + ".received.txt");
        if (File.Exists(approved) && File.ReadAllText(approved).ReplaceLineEndings("\n") == api)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, api);
        Assert.Fail($"The public API of {assemblyName} changed. If that is intended, review {received} and rename it to {Path.GetFileName(approved)}.");
    }
}
