using System.Reflection;
using System.Reflection.PortableExecutable;

namespace FutureSim.Cli.Tests.Build;

/// <summary>What the CLI's build puts in its output folder, as <c>dotnet run</c> and the benchmarks run it.</summary>
public sealed class PrecompiledDependenciesTests
{
    private static readonly string Output = Path.GetFullPath(
        typeof(PrecompiledDependenciesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FutureSimCliOutput").Value!);

    [Theory]
    [InlineData("Lucene.Net.dll", true)]
    [InlineData("J2N.dll", true)]
    [InlineData("Serilog.dll", true)]
    [InlineData("Microsoft.Extensions.Hosting.dll", true)]
    [InlineData("System.CommandLine.dll", true)]
    [InlineData("FutureSim.Corpus.dll", false)]
    [InlineData("futuresim.dll", false)]
    [InlineData("Microsoft.Extensions.AI.dll", false)]
    public void Lucene_and_the_start_up_libraries_are_precompiled_and_the_products_own_code_is_compiled_at_run_time(string file, bool precompiled)
    {
        using var image = new PEReader(File.OpenRead(Path.Combine(Output, file)));

        // A ReadyToRun image carries its native code's header in the managed native header directory.
        Assert.Equal(precompiled, image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0);
    }

    [Fact]
    public void The_precompiled_Lucene_is_the_version_the_product_references()
    {
        var shipped = AssemblyName.GetAssemblyName(Path.Combine(Output, "Lucene.Net.dll"));
        var referenced = typeof(FutureSim.Corpus.Indexing.SearchSettings).Assembly.GetReferencedAssemblies().Single(a => a.Name == "Lucene.Net");

        Assert.Equal(referenced.Version, shipped.Version);
    }
}
