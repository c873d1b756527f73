using System.Globalization;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;

namespace FutureSim.Agents.Llm.Judging;

/// <summary>
/// The judge's verdicts, persisted as JSON Lines (one <see cref="Verdict"/> per line) so that they are
/// shared across runs and rescoring: a pair is judged at most once, even when it is asked for
/// concurrently. Pairs are keyed by a light normalisation (Unicode NFC, lower case, trimmed,
/// whitespace collapsed) that never merges different numbers or words. A cut-off last line (a crash
/// while writing) is ignored; other bad lines are errors.
/// </summary>
internal sealed class VerdictCache
{
    private readonly string path;
    private readonly Dictionary<(string, string), Task<Verdict>> verdicts = [];
    private readonly Lock gate = new();

    public VerdictCache(string path)
    {
        this.path = path;
        if (!File.Exists(path))
        {
            return;
        }

        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                var verdict = JsonSerializer.Deserialize<Verdict>(lines[i], ModelCalls.ChatRecordFormat.Json)
                    ?? throw new JsonException("The line is null.");
                verdicts[(verdict.Outcome, verdict.Truth)] = Task.FromResult(verdict);
            }
            catch (JsonException e) when (i == lines.Length - 1)
            {
                _ = e; // The last line was being written when a process stopped; the pair will be judged again.
            }
            catch (JsonException e)
            {
                throw new InvalidInputException(new RecordError(path, i + 1, $"is not a judge verdict: {e.Message}"), "Delete the line or the file to judge the pairs again.", e);
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return verdicts.Count;
            }
        }
    }

    /// <summary>The verdict on the pair: cached, being judged, or judged now by <paramref name="judge"/> and appended to the file under the pair's keys.</summary>
    public async Task<Verdict> GetOrJudgeAsync(string outcome, string truth, Func<Task<Verdict>> judge)
    {
        var key = (Key(outcome), Key(truth));
        Task<Verdict> pending;
        lock (gate)
        {
            if (!verdicts.TryGetValue(key, out pending!))
            {
                pending = JudgeAndSaveAsync(key, judge);
                verdicts[key] = pending;
            }
        }

        return await pending;
    }

    /// <summary>The cache key of an answer.</summary>
    public static string Key(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<Verdict> JudgeAndSaveAsync((string Outcome, string Truth) key, Func<Task<Verdict>> judge)
    {
        Verdict verdict;
        try
        {
            await Task.Yield();
            verdict = (await judge()) with { Outcome = key.Outcome, Truth = key.Truth };
        }
        catch
        {
            lock (gate)
            {
                // Not judged: a later request asks again.
                verdicts.Remove(key);
            }

            throw;
        }

        lock (gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.AppendAllText(path, JsonSerializer.Serialize(verdict, ModelCalls.ChatRecordFormat.Json) + "\n", new UTF8Encoding(false));
        }

        return verdict;
    }
}
