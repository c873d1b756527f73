namespace FutureSim.Agents.Llm;

/// <summary>Where a simulated day begins in a <see cref="Conversation"/>: the index of its morning briefing.</summary>
internal readonly record struct DayStart(DateOnly Day, int Start);
