namespace FutureSim.Agents.Frameworks;

/// <summary>A Semantic Kernel plugin to load for an agent: a public type in an assembly file, and the plugin name the model sees (default: the type's name).</summary>
internal sealed record PluginReference(string AssemblyPath, string TypeName, string? Name);
