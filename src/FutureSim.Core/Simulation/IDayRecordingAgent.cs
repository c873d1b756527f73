namespace FutureSim.Core.Simulation;

/// <summary>
/// An agent that keeps its own records per simulated day in its folder (model-call recordings, usage, conversation
/// snapshots). A killed run leaves records of a day its event log never completed; before the first day of a run or
/// a resume, the runner tells the agent the last completed day, and the agent drops everything it recorded for later
/// days, so that the re-run day is recorded once and a resumed run ends exactly as an uninterrupted one.
/// </summary>
public interface IDayRecordingAgent
{
    /// <summary>Drops the records of days after <paramref name="lastCompletedDay"/> (all of them when it is null: no day completed yet).</summary>
    void DiscardAfter(DateOnly? lastCompletedDay);
}
