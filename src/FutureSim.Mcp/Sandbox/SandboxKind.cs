namespace FutureSim.Mcp.Sandbox;

/// <summary>How a CLI agent's process is isolated from the host (the agent setting <c>Sandbox</c>).</summary>
public enum SandboxKind
{
    /// <summary>
    /// The default: a bubblewrap sandbox that sees a read-only system, its workspace and nothing of the FutureSim folder,
    /// with a private network reaching only its allowed hosts through the host's proxy.
    /// </summary>
    Bubblewrap,

    /// <summary>No isolation: the process can read everything the user running the simulation can, the answers included.</summary>
    None,
}
