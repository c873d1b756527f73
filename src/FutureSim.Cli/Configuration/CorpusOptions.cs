using System.ComponentModel.DataAnnotations;
using FutureSim.Core.Articles;

namespace FutureSim.Cli.Configuration;

/// <summary>The <c>Corpus</c> section: which news files to replay and where their index lives.</summary>
internal sealed class CorpusOptions
{
    public const string SectionName = "Corpus";

    /// <summary>News files or FutureSim dated-tree folders, plain or gzip; relative to the project root.</summary>
    [MinLength(1, ErrorMessage = "Corpus:Files must name at least one news file or folder.")]
    public List<string> Files { get; set; } = [];

    [Required]
    public string IndexDirectory { get; set; } = ".index/default";

    /// <summary>Strict (first-seen time and wording) or Lenient (end of the listed date, final wording).</summary>
    public VisibilityPolicy Visibility { get; set; } = VisibilityPolicy.Strict;

    /// <summary>Skip bad records (counted and reported) instead of stopping at the first.</summary>
    public bool SkipInvalid { get; set; }
}
