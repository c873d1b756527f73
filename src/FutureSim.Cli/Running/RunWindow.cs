using FutureSim.Cli.Configuration;
using FutureSim.Core.Runs;

namespace FutureSim.Cli.Running;

/// <summary>
/// A run's window must lie within the days its data covers — from the first day an article arrives or a question
/// opens to the last day an article arrives or a question resolves — unless <c>--allow-any-window</c> is given:
/// a typo such as an end date 200 years out would otherwise replay tens of thousands of empty days.
/// </summary>
internal static class RunWindow
{
    public static void Check(SimulationSettings settings, (DateOnly First, DateOnly Last)? corpus, (DateOnly First, DateOnly Last)? questions)
    {
        var spans = new[] { corpus, questions }.OfType<(DateOnly First, DateOnly Last)>().ToArray();
        if (spans.Length == 0)
        {
            return;
        }

        var first = spans.Min(s => s.First);
        var last = spans.Max(s => s.Last);
        if (settings.Start < first || settings.End > last)
        {
            var which = settings.Start < first
                ? $"Simulation:Start {settings.Start:yyyy-MM-dd} is before"
                : $"Simulation:End {settings.End:yyyy-MM-dd} is after";
            throw new OptionsException(
                $"{which} the days the corpus and the questions cover ({first:yyyy-MM-dd} to {last:yyyy-MM-dd}): the days beyond them are empty. " +
                "Choose a window inside them (--start, --end), or pass --allow-any-window to run it anyway.");
        }
    }
}
