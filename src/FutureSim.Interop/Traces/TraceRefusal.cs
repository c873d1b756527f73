namespace FutureSim.Interop.Traces;

/// <summary>A refused forecast: the day it belongs to, the question id as given, why, and the message.</summary>
internal sealed record TraceRefusal(DateOnly Day, string QuestionId, RefusalKind Kind, string Reason);
