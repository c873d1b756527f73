namespace FutureSim.Cli.Configuration;

/// <summary>A bad option or configuration value; its message names the option and says what to do.</summary>
internal sealed class OptionsException(string message) : Exception(message);
