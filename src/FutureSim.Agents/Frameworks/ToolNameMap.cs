using System.Runtime.CompilerServices;
using System.Text.Json;
using FutureSim.Core.Tools;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// Lets the model see the forecasting tools under FutureSim's own names (<c>search_news</c>, …) when a framework
/// qualifies them with their plugin's name (Semantic Kernel offers <c>futuresim_search_news</c>), so that
/// FutureSim's prompts and the recordings are the same for every kind: declarations and earlier calls go out
/// bare, and calls coming back get the framework's name again. Other tools pass unchanged. Renamed messages and
/// options are kept per instance, so that a conversation resent on every call is renamed once.
/// </summary>
internal sealed class ToolNameMap(string pluginName)
{
    private readonly ConditionalWeakTable<ChatMessage, ChatMessage> messages = [];
    private readonly ConditionalWeakTable<ChatOptions, ChatOptions> options = [];

    /// <summary>The catalog name of a qualified name (<c>futuresim_search_news</c> gives <c>search_news</c>), or null.</summary>
    public string? Bare(string name) =>
        name.Length > pluginName.Length + 1 && name.StartsWith(pluginName, StringComparison.Ordinal) && !char.IsLetterOrDigit(name[pluginName.Length])
        && ToolCatalog.Names.Contains(name[(pluginName.Length + 1)..])
            ? name[(pluginName.Length + 1)..]
            : null;

    public ChatOptions Outgoing(ChatOptions given) => options.GetValue(given, o =>
    {
        if (o.Tools is null || !o.Tools.Any(t => Bare(t.Name) is not null))
        {
            return o;
        }

        var sent = o.Clone();
        sent.Tools = [.. o.Tools.Select(t => t is AIFunctionDeclaration f && Bare(t.Name) is { } bare ? new Declaration(bare, f) : t)];
        return sent;
    });

    public ChatMessage Outgoing(ChatMessage given) => messages.GetValue(given, m =>
    {
        if (!m.Contents.Any(c => c is FunctionCallContent call && Bare(call.Name) is not null))
        {
            return m;
        }

        var renamed = m.Clone();
        renamed.Contents = [.. m.Contents.Select(c => c is FunctionCallContent call && Bare(call.Name) is { } bare ? Renamed(call, bare) : c)];
        return renamed;
    });

    /// <summary>Gives the calls of the response the names the framework offered in <paramref name="given"/>.</summary>
    public void Incoming(ChatResponse response, ChatOptions given)
    {
        var offered = given.Tools?.Select(t => t.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var message in response.Messages)
        {
            for (var i = 0; i < message.Contents.Count; i++)
            {
                if (message.Contents[i] is FunctionCallContent call && !offered.Contains(call.Name) && offered.Contains(pluginName + "_" + call.Name))
                {
                    message.Contents[i] = Renamed(call, pluginName + "_" + call.Name);
                }
            }
        }
    }

    private static FunctionCallContent Renamed(FunctionCallContent call, string name) =>
        new(call.CallId, name, call.Arguments) { Exception = call.Exception, RawRepresentation = call.RawRepresentation };

    /// <summary>A function offered to the model under another name, with the same description and schema.</summary>
    private sealed class Declaration(string name, AIFunctionDeclaration inner) : AIFunctionDeclaration
    {
        public override string Name => name;

        public override string Description => inner.Description;

        public override JsonElement JsonSchema => inner.JsonSchema;
    }
}
