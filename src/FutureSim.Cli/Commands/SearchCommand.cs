using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Running;
using FutureSim.Core.Articles;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim search</c>: offline retrieval through exactly the gate agents get.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "The query text (plain words; it is never parsed as query syntax)." };
        var asOf = new Option<string>("--as-of") { Description = "The instant to search as of: YYYY-MM-DD (the end of that day, UTC) or an ISO-8601 instant.", Required = true };
        var top = new Option<int>("--top") { Description = "How many hits (1–100).", DefaultValueFactory = _ => 10 };
        var from = new Option<string>("--from") { Description = "Only articles dated on or after this day (YYYY-MM-DD)." };
        var to = new Option<string>("--to") { Description = "Only articles dated on or before this day (YYYY-MM-DD); clamped to the as-of day." };
        var json = new Option<bool>("--json") { Description = "Print the hits as a JSON array." };
        var mode = new Option<string>("--mode") { Description = "keyword (BM25), semantic (embeddings) or hybrid (reciprocal rank fusion of both); default Search:Mode." };
        mode.AcceptOnlyFromAmong("keyword", "semantic", "hybrid");
        var corpus = CorpusOptionsCli.Corpus();
        var visibility = CorpusOptionsCli.Visibility();
        var command = new Command("search", "Search the corpus as of an instant, through the same time gate and ranking agents get.")
        {
            query, asOf, top, from, to, json, mode, corpus, visibility,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, CorpusOptionsCli.Overrides(parse, visibility), async (host, ct) =>
        {
            var instant = ParseInstant(parse.GetValue(asOf)!);
            var k = parse.GetValue(top);
            if (k is < 1 or > 100)
            {
                throw new OptionsException($"--top must be between 1 and 100; got {k}.");
            }

            var request = new NewsQuery
            {
                Text = parse.GetValue(query)!,
                MaxResults = k,
                FromDate = ParseDay(parse.GetValue(from), "--from"),
                ToDate = ParseDay(parse.GetValue(to), "--to"),
                Mode = parse.GetValue(mode) is { } named ? Enum.Parse<SearchMode>(named, ignoreCase: true) : null,
            };
            var options = host.Service<IOptions<CorpusOptions>>().Value;
            var files = CommonOptions.List(parse.GetValue(corpus)) ?? options.Files;
            var (opened, _) = await host.Service<CorpusOpener>().OpenAsync(files, options.Visibility, needsEmbeddings: request.Mode is SearchMode.Semantic or SearchMode.Hybrid, ct);
            using var _ = opened;
            var result = opened.At(instant).Search(request);
            foreach (var notice in result.Notices)
            {
                Console.Error.WriteLine("note: " + notice);
            }

            Console.Out.WriteLine(parse.GetValue(json) ? Json(result) : Text(result, instant));
            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>A bare date means the end of that day (UTC); an instant without an offset is UTC.</summary>
    public static DateTimeOffset ParseInstant(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return SimulatedTime.EndOf(day);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new OptionsException($"--as-of '{text}' is neither a date (YYYY-MM-DD) nor an ISO-8601 instant (e.g. 2025-06-01T12:00:00Z).");
    }

    private static DateOnly? ParseDay(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new OptionsException($"{option} '{text}' is not a date as YYYY-MM-DD.");

    private static string Json(CorpusSearchResult result) => JsonSerializer.Serialize(
        result.Hits.Select(h => new
        {
            id = h.Article.Id.Value,
            title = h.Article.Title,
            visible_at = h.Article.VisibleAt,
            score = h.Score,
            source = h.Article.Source,
            published_on = h.Article.PublishedOn,
            url = h.Article.Url,
            text = h.Article.Body,
            passage = h.Passage,
        }),
        RunFormat.IndentedJson);

    private static string Text(CorpusSearchResult result, DateTimeOffset asOf)
    {
        if (result.Hits.IsEmpty)
        {
            return $"No visible article matches as of {asOf:yyyy-MM-dd HH:mm:ss} UTC.";
        }

        return string.Join("\n", result.Hits.Select((h, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i + 1,3}. [{h.Score:0.000}] {h.Article.Title}\n     {h.Article.Id} | {h.Article.Source} | visible {h.Article.VisibleAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC\n     {h.Passage ?? h.Article.Body}")));
    }
}
