using System.CommandLine;
using System.Globalization;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Running;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim index</c>: build or refresh the on-disk index of the corpus.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var corpus = CorpusOptionsCli.Corpus();
        var visibility = CorpusOptionsCli.Visibility();
        var command = new Command("index", "Build or refresh the index of the corpus (reused until its files or the visibility policy change).") { corpus, visibility };
        var embeddings = new Option<bool>("--embeddings") { Description = "Also give every article chunk its vector with the Search:Embeddings model (done anyway when Search:Mode is semantic or hybrid)." };
        command.Add(embeddings);
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, CorpusOptionsCli.Overrides(parse, visibility), async (host, ct) =>
        {
            var options = host.Service<IOptions<CorpusOptions>>().Value;
            var files = CommonOptions.List(parse.GetValue(corpus)) ?? options.Files;
            var (opened, report) = await host.Service<CorpusOpener>().OpenAsync(files, options.Visibility, parse.GetValue(embeddings), ct);
            using (opened)
            {
                foreach (var skipped in report.SkippedRecords)
                {
                    Console.Error.WriteLine("skipped: " + skipped);
                }

                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                    index        {host.Service<ProjectSettings>().Resolve(options.IndexDirectory)}
                    action       {report.Mode.ToString().ToLowerInvariant()}{(report.Reason is null ? "" : $" ({report.Reason})")}
                    articles     {report.DocumentCount:N0} ({report.DocumentsAdded:N0} added now)
                    skipped      {report.SkippedRecordCount:N0} invalid record(s), {report.DuplicatesDropped:N0} duplicate(s) dropped
                    policy       {report.Identity.Policy.ToString().ToLowerInvariant()}
                    fingerprint  {report.Identity.Fingerprint}
                    size         {report.IndexBytes / 1024.0 / 1024.0:0.0} MB
                    search       {report.Identity.SearchMode.ToString().ToLowerInvariant()}{(report.Identity.EmbeddingModel is { } model ? $", vectors of {model} for {opened.VectorCount.Chunks:N0} chunks ({report.ChunksEmbedded:N0} embedded now)" : "")}
                    """));
            }

            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }
}
