namespace FutureSim.Cluster;

/// <summary>The cluster cannot be used as configured: its database is unreachable or misnamed, or no worker answers. The message names it and says what to do.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
