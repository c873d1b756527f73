using FutureSim.Core.Simulation;

namespace FutureSim.Cli.Running;

/// <summary>Reports each completed day to the progress display and to the caller's own progress.</summary>
internal sealed class BothProgress(IProgress<DayReport> first, IProgress<DayReport> second) : IProgress<DayReport>
{
    public void Report(DayReport value)
    {
        first.Report(value);
        second.Report(value);
    }
}
