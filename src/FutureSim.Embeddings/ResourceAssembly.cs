using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace FutureSim.Embeddings;

/// <summary>Reads embedded resources out of an assembly file without loading it (no code of it ever runs).</summary>
internal static class ResourceAssembly
{
    /// <summary>The bytes of the resource whose name ends with <paramref name="suffix"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist, or holds no such resource.</exception>
    public static byte[] Read(string path, string suffix)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The local embedding model's package file {path} is missing; restore the solution (dotnet restore) to download it.", path);
        }

        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
        var block = pe.GetSectionData(directory.RelativeVirtualAddress);
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (resource.Implementation.IsNil && metadata.GetString(resource.Name).EndsWith(suffix, StringComparison.Ordinal))
            {
                var reader = block.GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
                var length = reader.ReadInt32();
                return reader.ReadBytes(length);
            }
        }

        throw new FileNotFoundException($"{path} has no resource ending in '{suffix}'.", path);
    }
}
