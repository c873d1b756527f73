namespace FutureSim.Core.Input;

/// <summary>Input that cannot be used: the message names the file and line and says what to do.</summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(RecordError error, string? advice = null, Exception? inner = null)
        : base(advice is null ? error.ToString() : $"{error.ToString().TrimEnd('.')}. {advice}", inner)
    {
        Error = error;
    }

    public RecordError Error { get; }
}
