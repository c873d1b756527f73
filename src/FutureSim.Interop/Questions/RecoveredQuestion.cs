namespace FutureSim.Interop.Questions;

/// <summary>A question of the official set as recovered from the traces: id, title, resolution date and truth.</summary>
internal sealed record RecoveredQuestion(string Id, string Title, DateOnly ResolutionDate, string Truth);
