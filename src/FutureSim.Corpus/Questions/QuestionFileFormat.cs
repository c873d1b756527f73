namespace FutureSim.Corpus.Questions;

/// <summary>The layouts of question files the loader reads. Parquet is not read: convert it to CSV or JSON Lines.</summary>
public enum QuestionFileFormat
{
    /// <summary>The bundled ForecastBench binary set: JSON Lines (plain or gzip) with <c>first_question_set</c> and <c>resolved_to</c>.</summary>
    ForecastBenchJsonLines,

    /// <summary>The bundled free-form set: JSON Lines with <c>open_date</c>, <c>answer</c>, <c>aliases</c> and <c>resolving_item_id</c>.</summary>
    FreeFormJsonLines,

    /// <summary>A FutureSim question file as CSV (RFC 4180, header row, UTF-8, plain or gzip).</summary>
    FutureSimCsv,

    /// <summary>A FutureSim question file as JSON Lines, one object per line (plain or gzip).</summary>
    FutureSimJsonLines,

    /// <summary>A FutureSim question file as one JSON array of objects.</summary>
    FutureSimJson,
}
