using System.Globalization;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Viewer.Runs;

namespace FutureSim.Viewer.Documents;

/// <summary>
/// Maps a document path — what the pages ask for, the same in the server and in the static report — to its
/// JSON. Paths are segments separated by '/', each percent-encoded; every segment is looked up among the
/// runs, agents, questions and days the library knows, never used as a file path:
/// <c>runs</c>, <c>all/leaderboard</c>, <c>all/futuresim</c>, <c>runs/{run}/status|leaderboard|bands|questions|audit|futuresim</c>,
/// <c>runs/{run}/questions/{question}</c>, <c>runs/{run}/agents/{agent}</c>,
/// <c>runs/{run}/agents/{agent}/days/{yyyy-MM-dd}</c>, <c>runs/{run}/articles</c> (the index) and <c>runs/{run}/articles/{article}</c>.
/// </summary>
public sealed class DocumentRouter(RunLibrary library)
{
    /// <summary>The document's JSON, or null when the path names nothing (the server answers 404).</summary>
    public async Task<byte[]?> GetAsync(string path, CancellationToken cancellationToken) =>
        await BuildAsync(Segments(path), cancellationToken).ConfigureAwait(false) is { } document ? ViewJson.Serialize(document) : null;

    /// <summary>The path of a document from its decoded segments.</summary>
    public static string PathOf(params string[] segments) => string.Join('/', segments.Select(Uri.EscapeDataString));

    /// <summary>Every document path of a loaded run, for the static report.</summary>
    public static IEnumerable<string> PathsOf(RunSnapshot s)
    {
        var id = s.Location.Id;
        yield return PathOf("runs", id, "status");
        yield return PathOf("runs", id, "leaderboard");
        yield return PathOf("runs", id, "bands");
        yield return PathOf("runs", id, "audit");
        if (!s.IsLoaded)
        {
            yield break;
        }

        if (s.FutureSimSource is not null)
        {
            yield return PathOf("runs", id, "futuresim");
        }

        yield return PathOf("runs", id, "questions");
        foreach (var question in s.Scores!.Questions)
        {
            yield return PathOf("runs", id, "questions", question.Id.Value);
        }

        foreach (var agent in s.Manifest!.Agents)
        {
            yield return PathOf("runs", id, "agents", agent.Name);
            foreach (var day in s.Traces!.DaysOf(agent.Name))
            {
                yield return PathOf("runs", id, "agents", agent.Name, "days", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        yield return PathOf("runs", id, "articles");
        foreach (var article in s.Traces!.Retrievals.Keys.OrderBy(a => a.Value, StringComparer.Ordinal))
        {
            yield return PathOf("runs", id, "articles", article.Value);
        }
    }

    private static string[] Segments(string path)
    {
        var trimmed = path.Split('?', 2)[0].Trim('/');
        return trimmed.Length == 0 ? [] : [.. trimmed.Split('/').Select(Uri.UnescapeDataString)];
    }

    private async Task<object?> BuildAsync(string[] p, CancellationToken ct)
    {
        switch (p)
        {
            case ["runs"]:
                // The first page never waits for a run to be read: a run still being read is listed from its manifest.
                return RunDocuments.Runs([.. library.Runs.Select(r => library.Peek(r) is { } s ? RunDocuments.Summary(s) : RunDocuments.Reading(r))], library.Runs.Length > 1);
            case ["all", "leaderboard"]:
                return await library.GetCombinedAsync(ct).ConfigureAwait(false) is { } combined ? RunDocuments.Combined(combined) : null;
            case ["all", "futuresim"]:
                return await library.GetFutureSimAsync(ct).ConfigureAwait(false) is { } futureSim ? FutureSimDocuments.Combined(futureSim) : null;
            case ["runs", var id, "futuresim"] when library.Find(id) is { } imported:
                return await library.GetAsync(imported, ct).ConfigureAwait(false) is { FutureSimSource: { } source } s
                    ? FutureSimDocuments.Run(s, await source.Value.WaitAsync(ct).ConfigureAwait(false))
                    : null;
            case ["runs", var id, .. var rest] when library.Find(id) is { } run:
                return RunDocument(await library.GetAsync(run, ct).ConfigureAwait(false), rest);
            default:
                return null;
        }
    }

    private object? RunDocument(RunSnapshot s, string[] rest)
    {
        switch (rest)
        {
            case ["status"]:
                return RunDocuments.Status(s);
            case ["leaderboard"]:
                return RunDocuments.Leaderboard(s);
            case ["bands"]:
                return RunDocuments.RunBands(s);
            case ["audit"]:
                return RunDocuments.Audit(s);
        }

        if (!s.IsLoaded)
        {
            return null;
        }

        var shelf = library.Articles.TryGet(s.Manifest!);
        switch (rest)
        {
            case ["questions"]:
                return QuestionDocuments.List(s);
            case ["questions", var question] when s.QuestionIndex.TryGetValue(new QuestionId(question), out var index):
                return QuestionDocuments.Question(s, index, shelf);
            case ["agents", var agent] when IsAgent(s, agent):
                return AgentDocuments.Overview(s, agent);
            case ["agents", var agent, "days", var day] when IsAgent(s, agent)
                && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && s.Record!.Days.Contains(date):
                return AgentDocuments.Day(s, agent, date);
            case ["articles"]:
                return ArticleDocuments.Index(s, shelf);
            case ["articles", var article] when article.Length is > 0 and <= 512:
                return ArticleDocuments.Article(s, new ArticleId(article), shelf);
            default:
                return null;
        }
    }

    private static bool IsAgent(RunSnapshot s, string agent) => s.Manifest!.Agents.Any(a => a.Name == agent);
}
