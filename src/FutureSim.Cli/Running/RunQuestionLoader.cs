using System.Collections.Immutable;
using FutureSim.Cli.Configuration;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Questions;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cli.Running;

/// <summary>
/// The one path from question files to the questions of a run, for <c>run</c>, <c>mcp</c> and every <c>bench</c> verb:
/// files resolved against the project root, questions without an open date opening at the start of the run's first
/// day (<see cref="SimulationSettings.FirstDay"/>), bad records failing or skipped (<c>--skip-invalid</c>) with a
/// warning each, only questions that resolve inside the run window kept, and the set scanned for answers leaking
/// across questions. It also says which days all loaded questions span, from the first opening to the last resolution,
/// so that a run window beyond them can be refused (<see cref="RunWindow"/>).
/// </summary>
internal sealed class RunQuestionLoader(ProjectSettings project, ILogger<RunQuestionLoader> logger)
{
    public (ImmutableArray<Question> Questions, ImmutableArray<QuestionSetInfo> Sets, (DateOnly First, DateOnly Last)? Span) Load(
        IReadOnlyList<string> files, SimulationSettings settings, bool skipInvalid)
    {
        var loadOptions = new QuestionLoadOptions
        {
            InvalidRecords = skipInvalid ? InvalidRecordHandling.Skip : InvalidRecordHandling.Fail,
            DefaultOpensAt = SimulatedTime.StartOf(settings.FirstDay),
        };
        var loaded = QuestionSetLoader.LoadMany(files.Select(f => new QuestionFileSource(project.Resolve(f))), loadOptions);
        var questions = ImmutableArray.CreateBuilder<Question>();
        var sets = ImmutableArray.CreateBuilder<QuestionSetInfo>();
        foreach (var (set, file) in loaded.Zip(files))
        {
            foreach (var error in set.Skipped)
            {
                logger.LogWarning("Skipped bad question record {Error}", error.ToString());
            }

            // A question can be forecast only if it resolves after the first day and is scored only if it resolves by the last.
            var usable = set.Questions.Where(q => q.ResolutionDate > settings.FirstDay && q.ResolutionDate <= settings.End).ToArray();
            logger.LogInformation(
                "Question set {Set}: {Usable} of {Loaded} questions resolve inside the run window ({Skipped} bad records skipped)",
                set.Name, usable.Length, set.Questions.Length, set.Skipped.Length);
            questions.AddRange(usable);
            sets.Add(new QuestionSetInfo(set.Name, file, set.Sha256, usable.Length));
        }

        var leaks = QuestionLeakScan.Find(questions);
        if (leaks.Length > 0)
        {
            logger.LogWarning("{Leaks} possible answer leaks across questions (an answer appears in another question's text); first: {First}", leaks.Length, leaks[0]);
        }

        var all = loaded.SelectMany(set => set.Questions).ToArray();
        var span = all.Length == 0 ? ((DateOnly, DateOnly)?)null
            : (all.Min(q => SimulatedTime.DayOf(q.OpensAt)), all.Max(q => q.ResolutionDate));
        return (questions.ToImmutable(), sets.ToImmutable(), span);
    }
}
