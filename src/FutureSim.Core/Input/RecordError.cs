namespace FutureSim.Core.Input;

/// <summary>One bad input record: the file, the 1-based line (0 when the whole file is at fault) and what is wrong.</summary>
public sealed record RecordError(string File, long Line, string Problem)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Problem}" : $"{File}: {Problem}";
}
