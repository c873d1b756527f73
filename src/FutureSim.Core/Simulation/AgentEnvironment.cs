namespace FutureSim.Core.Simulation;

/// <summary>
/// What the harness lends an agent it builds: a private folder inside the run folder for its own
/// artefacts (model-call recordings, workspaces, logs), wall time, and, when the run replays an
/// earlier one, that run's folder for recorded model calls. Agents never read the run folder itself.
/// </summary>
public sealed record AgentEnvironment(
    string AgentDirectory,
    TimeProvider TimeProvider,
    string? ReplayFromRunDirectory = null);
