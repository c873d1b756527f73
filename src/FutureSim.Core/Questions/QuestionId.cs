namespace FutureSim.Core.Questions;

/// <summary>The identifier of a question within a simulation.</summary>
public readonly record struct QuestionId(string Value)
{
    public override string ToString() => Value;
}
