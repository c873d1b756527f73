using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Benchmarks;

/// <summary>
/// What the benchmarks that drive agents through one simulated day share: the questions open that day, a throwaway run
/// folder for that day, and tool-call arguments as a model would send them (JSON by name).
/// </summary>
internal static class BenchmarkDay
{
    /// <summary>The questions open on <paramref name="day"/>: opened by its end and resolving after it.</summary>
    /// <exception cref="ArgumentException">None is open.</exception>
    public static Question[] OpenQuestions(IReadOnlyList<Question> questions, DateOnly day)
    {
        var open = questions.Where(q => q.OpensAt <= SimulatedTime.EndOf(day) && q.ResolutionDate > day).ToArray();
        return open.Length > 0
            ? open
            : throw new ArgumentException($"No question is open on {day:yyyy-MM-dd}; choose a day inside the question set's window.");
    }

    /// <summary>A run folder for one day with the given agents (kind <paramref name="kind"/>) acting <paramref name="concurrency"/> at a time.</summary>
    public static RunFolder CreateRun(string root, string runId, DateOnly day, ITimeGatedCorpus corpus, IReadOnlyList<Question> questions, IEnumerable<string> agents, string kind, int concurrency) =>
        RunFolder.Create(root, new RunManifest
        {
            RunId = runId,
            Status = RunStatus.Running,
            Simulation = new SimulationSettings { Start = day, End = day, MaxConcurrentAgents = concurrency, AgentDayTimeout = TimeSpan.FromHours(1) },
            Corpus = corpus.Identity,
            QuestionSets = [new QuestionSetInfo("bench", "", "", questions.Count)],
            Agents = [.. agents.Select(n => new AgentSpec { Name = n, Kind = kind })],
        }, questions);

    /// <summary>The arguments of a <c>submit_forecasts</c> call putting <paramref name="p"/> on one answer of <paramref name="question"/>.</summary>
    public static Dictionary<string, JsonElement> Submission(Question question, double p) => Arguments(new
    {
        question_id = question.Id.Value,
        outcomes = question.Kind switch
        {
            QuestionKind.Binary => new Dictionary<string, double> { [QuestionResolution.Yes] = p },
            QuestionKind.MultipleChoice => new Dictionary<string, double> { [question.Options[0]] = p },
            _ => new Dictionary<string, double> { ["An answer"] = p },
        },
    });

    /// <summary>Tool-call arguments by name, from an anonymous object.</summary>
    public static Dictionary<string, JsonElement> Arguments(object arguments) =>
        JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
}
