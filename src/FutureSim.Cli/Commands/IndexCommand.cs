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
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, CorpusOptionsCli.Overrides(parse, visibility), (host, ct) =>
        {
            var options = host.Service<IOptions<CorpusOptions>>().Value;
            var files = CommonOptions.List(parse.GetValue(corpus)) ?? options.Files;
            var (opened, report) = host.Service<CorpusCatalog>().Open(files, options.Visibility, ct);
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
                    """));
            }

            return Task.FromResult(CommandHost.Success);
        }, cancellationToken));
        return command;
    }
}
