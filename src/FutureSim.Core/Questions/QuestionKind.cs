namespace FutureSim.Core.Questions;

public enum QuestionKind
{
    /// <summary>Resolves Yes or No; forecasts give the probability of Yes.</summary>
    Binary,

    /// <summary>Resolves to one of the listed options.</summary>
    MultipleChoice,

    /// <summary>Resolves to a short free-text answer (a name, place, number …).</summary>
    FreeForm,
}
