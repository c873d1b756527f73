using System.ComponentModel.DataAnnotations;
using FutureSim.Core.Runs;

namespace FutureSim.Cli.Configuration;

/// <summary>The <c>Simulation</c> section: the simulated calendar, question sets, concurrency and where runs go.</summary>
internal sealed class SimulationOptions : IValidatableObject
{
    public const string SectionName = "Simulation";

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    [Range(1, 366)]
    public int StepDays { get; set; } = 1;

    [Range(0, 3660)]
    public int LookbackDays { get; set; }

    [Range(1, 256)]
    public int MaxConcurrentAgents { get; set; } = 4;

    public TimeSpan AgentDayTimeout { get; set; } = SimulationSettings.DefaultAgentDayTimeout;

    [MinLength(1, ErrorMessage = "Simulation:QuestionSets must name at least one question file.")]
    public List<string> QuestionSets { get; set; } = [];

    [Required]
    public string RunsDirectory { get; set; } = "runs";

    /// <summary>Skip bad question records (counted and reported) instead of stopping at the first.</summary>
    public bool SkipInvalid { get; set; }

    /// <summary>The simulated calendar these options describe, as a run's manifest records it.</summary>
    public SimulationSettings ToSettings() => new()
    {
        Start = Start,
        End = End,
        StepDays = StepDays,
        LookbackDays = LookbackDays,
        MaxConcurrentAgents = MaxConcurrentAgents,
        AgentDayTimeout = AgentDayTimeout,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Start == default || End == default)
        {
            yield return new ValidationResult("Simulation:Start and Simulation:End must be dates (YYYY-MM-DD).", [nameof(Start), nameof(End)]);
        }
        else if (End < Start)
        {
            yield return new ValidationResult($"Simulation:End ({End:yyyy-MM-dd}) is before Simulation:Start ({Start:yyyy-MM-dd}).", [nameof(End)]);
        }

        if (AgentDayTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Simulation:AgentDayTimeout must be a positive duration such as 00:05:00.", [nameof(AgentDayTimeout)]);
        }
    }
}
