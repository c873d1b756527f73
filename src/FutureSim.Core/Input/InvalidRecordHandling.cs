namespace FutureSim.Core.Input;

/// <summary>What a loader does with a bad record.</summary>
public enum InvalidRecordHandling
{
    /// <summary>Stop at the first bad record with an <see cref="InvalidInputException"/>.</summary>
    Fail,

    /// <summary>Skip it and report it through the loader's error list (<c>--skip-invalid</c>).</summary>
    Skip,
}
