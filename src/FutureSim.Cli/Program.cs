using FutureSim.Cli;

return await CliApp.RunAsync(args);

/// <summary>The entry point stays internal (the web framework the viewer brings would otherwise make it public for test hosts).</summary>
internal sealed partial class Program;
