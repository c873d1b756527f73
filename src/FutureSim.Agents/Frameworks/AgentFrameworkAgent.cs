using System.Collections.Immutable;
using System.Text.Json;
using FutureSim.Agents.Llm;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// A forecaster that is a Microsoft Agent Framework <see cref="AIAgent"/> (a <c>ChatClientAgent</c> or any agent
/// built over one, middleware included). Each simulated day it sends the morning briefing as a user message on
/// the agent's session, with the day's tools as <see cref="AIFunction"/>s, and the agent works with function
/// calling until the model calls <c>next_day</c>, answers without a tool call, or a daily limit is reached. The
/// session carries the conversation across days: it is saved in the agent's folder at the end of each day and
/// every day starts from the saved session of the latest earlier day, so a resumed run, or a day after a failed
/// one, continues exactly as an uninterrupted run does.
/// </summary>
internal sealed class AgentFrameworkAgent : IForecastingAgent, IDayRecordingAgent, IDisposable
{
    public const string SnapshotPrefix = "session-";

    private readonly AIAgent agent;
    private readonly ImmutableArray<AIFunction> functions;
    private readonly DaySnapshots snapshots;
    private readonly FrameworkDays days;

    public AgentFrameworkAgent(
        string name, AIAgent agent, ToolDay day, ModelCallStack? stack, string agentDirectory, ILogger logger, Action<string, TimeSpan>? toolCallObserver = null)
    {
        this.agent = agent;
        days = new FrameworkDays(name, day, stack, logger);
        functions = ForecastingFunctions.Create(day, toolCallObserver);
        snapshots = new DaySnapshots(agentDirectory, SnapshotPrefix);
    }

    /// <summary>Drops the model calls, usage and session snapshots of days after <paramref name="lastCompletedDay"/>.</summary>
    public void DiscardAfter(DateOnly? lastCompletedDay)
    {
        days.DiscardAfter(lastCompletedDay);
        snapshots.DiscardAfter(lastCompletedDay);
    }

    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken) => days.RunAsync(tools, async () =>
    {
        var today = tools.Today;
        var session = snapshots.LatestBefore(today) is { } saved
            ? await agent.DeserializeSessionAsync(JsonDocument.Parse(saved).RootElement.Clone(), cancellationToken: cancellationToken)
            : await agent.CreateSessionAsync(cancellationToken);
        var briefing = ToolText.Render(tools.Briefing);
        var morning = new ChatMessage(ChatRole.User, tools.Briefing.PreviousDay is null ? AgentPrompt.FirstMorning(briefing) : briefing);
        var options = new ChatClientAgentRunOptions(new ChatOptions { Tools = [.. functions] });
        await agent.RunAsync(morning, session, options, cancellationToken);
        var state = await agent.SerializeSessionAsync(session, cancellationToken: cancellationToken);
        snapshots.Save(today, state.GetRawText());
    }, cancellationToken);

    public void Dispose() => days.Dispose();
}
