namespace FutureSim.Interop.Traces;

/// <summary>A <c>next_day</c> reply that advanced the day: the day the agent left, the day it entered, and the text.</summary>
internal sealed record NextDayReply(DateOnly From, DateOnly To, string Text);
