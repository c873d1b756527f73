using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FutureSim.Embeddings.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the OpenAI embeddings protocol (<c>POST /v1/embeddings</c>,
/// float or base64 encoding): each input's vector is its length and its first character's code. A script of
/// status codes can make the first requests fail. Records every request body.
/// </summary>
internal sealed class EmbeddingsServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly Queue<int> failures;

    public EmbeddingsServer(params int[] failFirstWith)
    {
        failures = new Queue<int>(failFirstWith);
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public List<JsonNode> Requests { get; } = [];

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var request = JsonNode.Parse(await reader.ReadToEndAsync())!;
            byte[] body;
            lock (Requests)
            {
                Requests.Add(request);
                if (failures.TryDequeue(out var status))
                {
                    context.Response.StatusCode = status;
                    body = Encoding.UTF8.GetBytes("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}");
                    Write(context, body);
                    continue;
                }
            }

            var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
            var data = new JsonArray();
            var inputs = request["input"]!.AsArray();
            for (var i = 0; i < inputs.Count; i++)
            {
                var text = inputs[i]!.GetValue<string>();
                float[] vector = [text.Length, text.Length == 0 ? 0 : text[0], 1];
                JsonNode embedding = base64
                    ? JsonValue.Create(Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()))
                    : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
                data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
            }

            var answer = new JsonObject
            {
                ["object"] = "list",
                ["data"] = data,
                ["model"] = request["model"]!.GetValue<string>(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
            };
            context.Response.StatusCode = 200;
            Write(context, Encoding.UTF8.GetBytes(answer.ToJsonString()));
        }
    }

    private static void Write(HttpListenerContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = body.Length;
        context.Response.OutputStream.Write(body);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
