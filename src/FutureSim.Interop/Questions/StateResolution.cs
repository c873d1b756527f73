namespace FutureSim.Interop.Questions;

/// <summary>A resolution event of FutureSim's <c>state.json</c> as an agent printed it (a Python dict).</summary>
internal sealed record StateResolution(string QuestionId, string Title, DateOnly Day, string Truth, OfficialResult? Result);
