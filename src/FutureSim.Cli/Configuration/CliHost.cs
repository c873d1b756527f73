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
/// precedence, last wins; unknown keys are errors, and a list in a later file replaces the earlier one — see
/// <see cref="ConfigurationFiles"/>); options validated at start; Serilog to standard error and, once a run
/// folder is known (<see cref="DeferredFileSink"/>), to its log file. Standard output is kept for results.
/// </summary>
internal sealed class CliHost : IDisposable
{
    /// <summary>The prefix of environment variables that set configuration keys (<c>FUTURESIM_Simulation__End</c>).</summary>
    public const string EnvironmentPrefix = "FUTURESIM_";

    private readonly IHost host;

    private CliHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public static CliHost Build(
        IReadOnlyList<string> configFiles,
        IReadOnlyDictionary<string, string?> overrides,
        Action<IServiceCollection>? services = null,
        string? projectRoot = null,
        string? sweepFile = null)
    {
        var root = projectRoot is null ? ProjectRoot.Find() : Path.GetFullPath(projectRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = root,
            DisableDefaults = true,
            EnvironmentName = "Production",
        });

        var paths = new List<string>();
        var settingsPath = Path.Combine(root, ProjectRoot.SettingsFile);
        if (File.Exists(settingsPath))
        {
            paths.Add(settingsPath);
        }

        foreach (var file in configFiles)
        {
            var path = Path.GetFullPath(file);
            paths.Add(File.Exists(path) ? path : throw new OptionsException($"--config {file}: the file does not exist."));
        }

        if (sweepFile is not null)
        {
            sweepFile = Path.GetFullPath(sweepFile);
            paths.Add(File.Exists(sweepFile) ? sweepFile : throw new OptionsException($"Sweep file {sweepFile} does not exist."));
        }

        var (files, merged) = ConfigurationFiles.Read(paths, sweepFile);
        ConfigurationFiles.CheckEnvironment(EnvironmentPrefix, Environment.GetEnvironmentVariables().Keys.Cast<string>());
        builder.Configuration.AddInMemoryCollection(merged);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(overrides);

        var runLog = new DeferredFileSink();
        builder.Services.AddSingleton(runLog);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ProjectSettings(root, files));
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
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            host.Dispose();
            throw new OptionsException("Invalid configuration: " + string.Join(" ", e.InnerExceptions.SelectMany(inner => ((OptionsValidationException)inner).Failures)));
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
