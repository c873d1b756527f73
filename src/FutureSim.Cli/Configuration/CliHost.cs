using System.Globalization;
using FutureSim.Core.Runs;
using FutureSim.Cli.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace FutureSim.Cli.Configuration;

/// <summary>
/// Builds the generic host a verb runs in: configuration from appsettings.json, every <c>--config</c>
/// file, <c>FUTURESIM_</c> environment variables and command-line overrides (in that order of
/// precedence, last wins); options validated at start; Serilog to standard error and, once a run
/// folder is known (<see cref="DeferredFileSink"/>), to its log file. Standard output is kept for results.
/// </summary>
internal sealed class CliHost : IDisposable
{
    private readonly IHost host;

    private CliHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public static CliHost Build(
        IReadOnlyList<string> configFiles,
        IReadOnlyDictionary<string, string?> overrides,
        Action<IServiceCollection>? services = null,
        string? projectRoot = null)
    {
        var root = projectRoot is null ? ProjectRoot.Find() : Path.GetFullPath(projectRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = root,
            DisableDefaults = true,
            EnvironmentName = "Production",
        });

        var settingsPath = Path.Combine(root, ProjectRoot.SettingsFile);
        var agentSources = new List<IConfiguration>();
        var configPaths = new List<string> { settingsPath };
        builder.Configuration.AddJsonFile(settingsPath, optional: true, reloadOnChange: false);
        agentSources.Add(new ConfigurationBuilder().AddJsonFile(settingsPath, optional: true).Build());
        foreach (var file in configFiles)
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new OptionsException($"--config {file}: the file does not exist.");
            }

            configPaths.Add(path);
            builder.Configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
            agentSources.Add(new ConfigurationBuilder().AddJsonFile(path, optional: false).Build());
        }

        builder.Configuration.AddEnvironmentVariables("FUTURESIM_");
        builder.Configuration.AddInMemoryCollection(overrides);

        var runLog = new DeferredFileSink();
        builder.Services.AddSingleton(runLog);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ProjectSettings(root, agentSources, configPaths));
        builder.Services.AddOptionsWithValidateOnStart<CorpusOptions>()
            .Bind(builder.Configuration.GetSection(CorpusOptions.SectionName)).ValidateDataAnnotations();
        builder.Services.AddOptionsWithValidateOnStart<SearchOptions>()
            .Bind(builder.Configuration.GetSection(SearchOptions.SectionName)).ValidateDataAnnotations();
        builder.Services.AddOptionsWithValidateOnStart<SimulationOptions>()
            .Bind(builder.Configuration.GetSection(SimulationOptions.SectionName)).ValidateDataAnnotations();
        builder.Services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                    standardErrorFromLevel: LogEventLevel.Verbose,
                    formatProvider: CultureInfo.InvariantCulture);
            logger.WriteTo.Sink(runLog);
        });
        services?.Invoke(builder.Services);

        var host = builder.Build();
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            host.Dispose();
            throw new OptionsException("Invalid configuration: " + string.Join(" ", e.Failures));
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or ArgumentException or OverflowException)
        {
            // The binder's message names the key and the value ("Failed to convert configuration value 'x' at 'Simulation:Start' …").
            host.Dispose();
            throw new OptionsException($"Invalid configuration: {e.Message} {e.InnerException.Message} Dates are YYYY-MM-DD, durations hh:mm:ss.");
        }

        return new CliHost(host);
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public void Dispose() => host.Dispose();
}
