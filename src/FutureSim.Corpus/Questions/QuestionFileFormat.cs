namespace FutureSim.Corpus.Questions;

/// <summary>The layouts of question files the loader reads. Parquet is not read: convert it to CSV or JSON Lines.</summary>
public enum QuestionFileFormat
{
    /// <summary>The bundled ForecastBench binary set: JSON Lines (plain or gzip) with <c>first_question_set</c> and <c>resolved_to</c>.</summary>
    ForecastBenchJsonLines,

    /// <summary>The bundled free-form set: JSON Lines with <c>open_date</c>, <c>answer</c>, <c>aliases</c> and <c>resolving_item_id</c>.</summary>
    FreeFormJsonLines,

    /// <summary>
    /// A FutureSim question file as CSV (RFC 4180, header row, UTF-8, plain or gzip). Columns, case-insensitive:
    /// id = <c>qid | question_id | id</c>; title = <c>title | question_title | question</c>; resolution date =
    /// <c>resolution_date | close_time | resolve_time</c> (YYYY-MM-DD or ISO 8601, whose UTC date is taken); answer =
    /// <c>ground_truth | ground_truth_answer | answer | resolution | resolved_to</c>; optional <c>background</c>,
    /// <c>resolution_criteria</c>, <c>answer_type</c>, <c>options</c>, <c>aliases</c>, <c>open_date</c>, <c>source</c>,
    /// <c>url</c>. List cells (<c>options</c>, <c>aliases</c>) hold a JSON list, a Python list as pandas writes it, or
    /// <c>A|B|C</c> (never comma- or semicolon-separated). Without <c>open_date</c> a question opens at
    /// <see cref="QuestionLoadOptions.DefaultOpensAt"/>. Binary when <c>answer_type</c> is "binary", the options are
    /// Yes/No, or there are no options and the answer is yes/no/true/false (or 1/0 in <c>resolved_to</c>);
    /// multiple-choice when there are other options; free-form otherwise.
    /// </summary>
    FutureSimCsv,

    /// <summary>A FutureSim question file as JSON Lines, one object per line (plain or gzip); fields as for <see cref="FutureSimCsv"/>, lists as JSON arrays or text.</summary>
    FutureSimJsonLines,

    /// <summary>A FutureSim question file as one JSON array of objects.</summary>
    FutureSimJson,
}
