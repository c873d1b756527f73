using System.Collections.Immutable;
using FutureSim.Interop.Traces;

namespace FutureSim.Interop.Questions;

/// <summary>What recovering the question set needs from one run: its delivered forecasts (trace and workspace), printed results and facts.</summary>
internal sealed record TracedRun(ImmutableArray<DeliveredForecast> Delivered, RunRecaps Recaps, QuestionFacts Facts)
{
    /// <summary>The last forecast delivered for <paramref name="question"/> before <paramref name="resolution"/>, or null.</summary>
    public DeliveredForecast? FinalBefore(string question, DateOnly resolution)
    {
        for (var i = Delivered.Length - 1; i >= 0; i--)
        {
            var f = Delivered[i];
            if (f.Day < resolution && string.Equals(f.QuestionId, question, StringComparison.Ordinal))
            {
                return f;
            }
        }

        return null;
    }
}
