namespace FutureSim.Cluster.Grains;

/// <summary>The directory's stored state: the names of the sweeps with work left.</summary>
[GenerateSerializer]
public sealed class DirectoryState
{
    [Id(0)]
    public List<string> ActiveSweeps { get; set; } = [];
}
