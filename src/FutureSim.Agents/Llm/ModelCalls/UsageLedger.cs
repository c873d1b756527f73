using FutureSim.Core.Runs;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// One agent's model usage per simulated day, kept in its <c>usage.csv</c>. Loads the rows of an
/// earlier (resumed) run; a resume drops the days after the last completed one (<see cref="DiscardAfter"/>) and
/// starting a day clears that day's row, so a day re-run after a resume is counted once. Thread-safe.
/// </summary>
internal sealed class UsageLedger
{
    private readonly string path;
    private readonly double priceInputPerMTok;
    private readonly double priceOutputPerMTok;
    private readonly SortedDictionary<DateOnly, (int Calls, long Input, long Output)> days = [];
    private readonly Lock gate = new();

    public UsageLedger(string path, double priceInputPerMTok, double priceOutputPerMTok)
    {
        this.path = path;
        this.priceInputPerMTok = priceInputPerMTok;
        this.priceOutputPerMTok = priceOutputPerMTok;
        if (File.Exists(path))
        {
            foreach (var row in ModelUsageFile.Read(path))
            {
                days[row.Day] = (row.Calls, row.InputTokens, row.OutputTokens);
            }
        }
    }

    /// <summary>Forgets the days after <paramref name="lastCompletedDay"/> (all when null) and rewrites the file if it exists.</summary>
    public void DiscardAfter(DateOnly? lastCompletedDay)
    {
        lock (gate)
        {
            foreach (var day in days.Keys.Where(d => lastCompletedDay is not { } last || d > last).ToArray())
            {
                days.Remove(day);
            }

            if (File.Exists(path))
            {
                Save();
            }
        }
    }

    public void BeginDay(DateOnly day)
    {
        lock (gate)
        {
            days[day] = default;
        }
    }

    public void Add(DateOnly day, long inputTokens, long outputTokens)
    {
        lock (gate)
        {
            var (calls, input, output) = days.GetValueOrDefault(day);
            days[day] = (calls + 1, input + inputTokens, output + outputTokens);
        }
    }

    /// <summary>Input plus output tokens used on <paramref name="day"/>.</summary>
    public long TokensOn(DateOnly day)
    {
        lock (gate)
        {
            var (_, input, output) = days.GetValueOrDefault(day);
            return input + output;
        }
    }

    public IReadOnlyList<ModelUsage> Rows()
    {
        lock (gate)
        {
            return [.. days.Select(d => new ModelUsage(d.Key, d.Value.Calls, d.Value.Input, d.Value.Output, Cost(d.Value.Input, d.Value.Output)))];
        }
    }

    /// <summary>Rewrites <c>usage.csv</c> with every day so far.</summary>
    public void Save() => ModelUsageFile.Write(path, Rows());

    private double Cost(long input, long output) =>
        Math.Round((input * priceInputPerMTok / 1_000_000d) + (output * priceOutputPerMTok / 1_000_000d), 6);
}
