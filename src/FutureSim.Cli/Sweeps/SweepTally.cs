using System.Globalization;

namespace FutureSim.Cli.Sweeps;

/// <summary>Where a sweep stands: runs done, running and failed, and simulated days done, out of all.</summary>
internal sealed record SweepTally(int Runs, int Done, int Running, int Failed, int Days, int DaysDone)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Done}/{Runs} runs done, {Running} running, {Failed} failed; {DaysDone}/{Days} days");
}
