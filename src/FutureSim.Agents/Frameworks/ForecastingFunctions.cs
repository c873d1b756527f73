using System.Collections.Immutable;
using FutureSim.Core.Tools;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// The forecasting tools as framework-native tools, generated from the one <see cref="ToolCatalog"/>:
/// <see cref="AIFunction"/>s for Microsoft.Extensions.AI and Agent Framework, and the Semantic Kernel plugin
/// <see cref="PluginName"/> made of the same functions.
/// </summary>
internal static class ForecastingFunctions
{
    /// <summary>The name of the Semantic Kernel plugin; the model sees its functions as <c>futuresim_search_news</c> and so on.</summary>
    public const string PluginName = "futuresim";

    public static ImmutableArray<AIFunction> Create(ToolDay day, Action<string, TimeSpan>? observer = null) =>
        [.. ToolCatalog.All.Select(spec => (AIFunction)new ForecastingFunction(spec, day, observer))];

    public static KernelPlugin Plugin(IEnumerable<AIFunction> functions) =>
        KernelPluginFactory.CreateFromFunctions(PluginName, "The FutureSim forecasting tools of the simulated day.", functions.Select(f => f.AsKernelFunction()));
}
