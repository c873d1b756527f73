using Microsoft.Extensions.Configuration;

namespace FutureSim.Cli.Configuration;

/// <summary>One configuration file (appsettings.json or a <c>--config</c> file), checked, and what it sets.</summary>
internal sealed record ConfigurationFile(string Path, IConfiguration Configuration);
