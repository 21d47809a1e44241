using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Noress.Benchmarks;

/// <summary>
/// A minimal Blazor Server circuit client: what blazor.web.js (.NET 10, CircuitManager and WebRootComponentManager) does to
/// bring a prerendered page's circuit up and keep it idle, without a browser. It gets the page with the person's cookie,
/// reads the server component markers and the persisted state from the prerendered HTML, connects to <c>/_blazor</c> with
/// the blazorpack protocol, starts the circuit, adds the markers' root components once the server has attached its
/// renderer, acknowledges every render batch and answers every JS call with a result of the shape the caller expects.
/// It keeps no DOM: the batches are counted and dropped.
/// </summary>
internal sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    // What the browser's JS would answer to the calls whose .NET caller expects a value (a null would throw when read
    // into a value type, or leave the component with nothing): a 1366 x 900 window at the Lg breakpoint, light mode,
    // one popover provider, nothing observed, no caret.
    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["mudResizeListener.getBrowserWindowSize"] = """{"height":900,"width":1366}""",
        ["mudResizeListener.matchMedia"] = "false",
        ["mudThemeProvider.isDarkMode"] = "false",
        ["mudpopoverHelper.countProviders"] = "1",
        ["mudResizeObserver.connect"] = "[]",
        ["mudElementRef.getBoundingClientRect"] = """{"x":0,"y":0,"width":0,"height":0,"top":0,"right":0,"bottom":0,"left":0,"scrollX":0,"scrollY":0,"windowHeight":900,"windowWidth":1366}""",
        ["mudInput.getCaretPosition"] = "0",
        // MudBlazor asks whether its script is loaded.
        ["window.hasOwnProperty"] = "true",
    };

    // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType), as blazor.web.js reads it.
    private static readonly Type[] BeginInvokeJSArguments = [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)];

    private readonly HubConnection hub;
    private readonly CircuitClientStats stats;
    private readonly TaskCompletionSource attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long objectIds;
    private volatile bool componentsAdded;
    private volatile bool disposing;

    private BlazorCircuitClient(HubConnection hub, CircuitClientStats stats)
    {
        this.hub = hub;
        this.stats = stats;
        hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        hub.On("JS.BeginInvokeJS", BeginInvokeJSArguments, OnBeginInvokeJSAsync);
        hub.On<string>("JS.Error", error =>
        {
            Error ??= error;
            stats.Failed(error);
            rendered.TrySetException(new InvalidOperationException($"The server reported: {error}"));
        });
        hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        hub.Closed += error =>
        {
            Closed = true;
            if (!disposing)
            {
                stats.Dropped(error?.Message ?? "closed by the server");
            }

            rendered.TrySetException(new InvalidOperationException($"The connection closed: {error?.Message}"));
            return Task.CompletedTask;
        };
    }

    /// <summary>The circuit's secret id (what the disconnect beacon sends).</summary>
    public string? CircuitId { get; private set; }

    /// <summary>Bytes of the render batches received since the root components were added (the interactive render).</summary>
    public int RenderedBytes { get; private set; }

    public string? Error { get; private set; }

    public bool Closed { get; private set; }

    /// <summary>Opens a circuit on <paramref name="path"/> and returns once its first interactive render is acknowledged.</summary>
    public static async Task<BlazorCircuitClient> OpenAsync(HttpClient http, CookieContainer cookies, string path, CircuitClientStats stats, TimeSpan patience)
    {
        using var cancel = new CancellationTokenSource(patience);
        var address = http.BaseAddress!;
        var html = await http.GetStringAsync(path, cancel.Token);
        // The markers in document order; blazor.web.js sorts the server ones by sequence and numbers them from 1.
        var markers = MarkerPattern().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => m["type"]?.GetValue<string>() == "server")
            .OrderBy(m => m["sequence"]!.GetValue<int>())
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive server component (signed out?).");
        }

        var state = StatePattern().Match(html) is { Success: true } found ? found.Groups[1].Value : string.Empty;

        var builder = new HubConnectionBuilder().WithUrl(new Uri(address, "_blazor"), HttpTransportType.WebSockets, options =>
        {
            // Straight to the WebSocket, as the browser's second request; no idle negotiate connection is left behind.
            options.SkipNegotiation = true;
            options.Cookies = cookies;
        });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(BlazorPackHubProtocol.Instance);
        var hub = builder.Build();
        // The browser's defaults are 30 s; a busy shared machine must not drop circuits because this process was late.
        hub.ServerTimeout = TimeSpan.FromMinutes(2);
        var client = new BlazorCircuitClient(hub, stats);
        try
        {
            await hub.StartAsync(cancel.Token);
            client.CircuitId = await hub.InvokeAsync<string?>("StartCircuit", address.ToString(), new Uri(address, path).ToString(), "[]", state, cancel.Token)
                ?? throw new InvalidOperationException("StartCircuit returned no circuit.");
            // The root components are added once the server's renderer is attached (attachWebRendererInterop).
            await client.attached.Task.WaitAsync(cancel.Token);
            var operations = new JsonObject
            {
                ["batchId"] = 1,
                ["operations"] = new JsonArray(markers.Select((marker, index) =>
                {
                    marker["uniqueId"] = index;
                    return (JsonNode)new JsonObject { ["type"] = "add", ["ssrComponentId"] = index + 1, ["marker"] = marker };
                }).ToArray()),
            };
            client.componentsAdded = true;
            await hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancel.Token);
            await client.rendered.Task.WaitAsync(cancel.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Leaves as a closing tab does: the disconnect beacon (the circuit is released at once), then the socket.</summary>
    public async Task CloseAsync(HttpClient http)
    {
        disposing = true;
        if (CircuitId is { } id && !Closed)
        {
            using var form = new MultipartFormDataContent { { new StringContent(id), "circuitId" } };
            using var response = await http.PostAsync("_blazor/disconnect", form);
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        disposing = true;
        await hub.DisposeAsync();
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        stats.Batch(data.Length);
        if (componentsAdded)
        {
            RenderedBytes += data.Length;
        }

        await hub.SendAsync("OnRenderCompleted", batchId, (string?)null);
        if (RenderedBytes > 0)
        {
            rendered.TrySetResult();
        }
    }

    private async Task OnBeginInvokeJSAsync(object?[] arguments)
    {
        var handle = (long)arguments[0]!;
        var identifier = (string)arguments[1]!;
        var resultType = (int)arguments[3]!;
        stats.JsCall(identifier, resultType);
        if (identifier.EndsWith("attachWebRendererInterop", StringComparison.Ordinal))
        {
            attached.TrySetResult();
        }

        // Fire-and-forget calls (handle 0) get no answer in the browser either.
        if (handle == 0)
        {
            return;
        }

        // JSCallResultType: 0 a value, 1 a JS object reference, 2 a stream reference, 3 void.
        var result = resultType switch
        {
            1 => string.Create(CultureInfo.InvariantCulture, $$"""{"__jsObjectId":{{Interlocked.Increment(ref objectIds)}}}"""),
            0 when Answers.TryGetValue(identifier, out var answer) => answer,
            _ => "null",
        };
        await hub.SendAsync("EndInvokeJSFromDotNet", handle, true, string.Create(CultureInfo.InvariantCulture, $"[{handle},true,{result}]"));
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:([A-Za-z0-9+/=]+)\s*-->")]
    private static partial Regex StatePattern();
}

/// <summary>What all the circuit clients saw: batches, JS calls by identifier, errors and dropped connections.</summary>
internal sealed class CircuitClientStats
{
    private readonly ConcurrentDictionary<(string Identifier, int ResultType), int> calls = new();
    private readonly ConcurrentQueue<string> failures = new();
    private long batches;
    private long batchBytes;
    private long lastActivity = Environment.TickCount64;
    private int errors;
    private int dropped;

    public long Batches => Interlocked.Read(ref batches);

    public long BatchBytes => Interlocked.Read(ref batchBytes);

    public int Errors => Volatile.Read(ref errors);

    public int DroppedConnections => Volatile.Read(ref dropped);

    /// <summary>Milliseconds since the last render batch or JS call of any circuit.</summary>
    public long QuietFor => Environment.TickCount64 - Interlocked.Read(ref lastActivity);

    public IReadOnlyList<string> FirstFailures => [.. failures.Take(5)];

    /// <summary>The JS calls seen, by identifier and result type, most frequent first.</summary>
    public IEnumerable<(string Identifier, int ResultType, int Count)> Calls =>
        calls.Select(c => (c.Key.Identifier, c.Key.ResultType, c.Value)).OrderByDescending(c => c.Value);

    public void Batch(int bytes)
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref batchBytes, bytes);
        Interlocked.Exchange(ref lastActivity, Environment.TickCount64);
    }

    public void JsCall(string identifier, int resultType)
    {
        calls.AddOrUpdate((identifier, resultType), 1, (_, n) => n + 1);
        Interlocked.Exchange(ref lastActivity, Environment.TickCount64);
    }

    public void Failed(string message)
    {
        Interlocked.Increment(ref errors);
        Remember(message);
    }

    public void Dropped(string message)
    {
        Interlocked.Increment(ref dropped);
        Remember(message);
    }

    public void Remember(string message)
    {
        if (failures.Count < 20)
        {
            failures.Enqueue(message.Length > 300 ? message[..300] : message);
        }
    }
}

/// <summary>
/// SignalR's MessagePack hub protocol under the name Blazor gives it, "blazorpack" (blazor.web.js renames the msgpack
/// protocol the same way); the server reads it with its own reader of the same format.
/// </summary>
internal sealed class BlazorPackHubProtocol : IHubProtocol
{
    public static readonly BlazorPackHubProtocol Instance = new();

    private readonly MessagePackHubProtocol inner = new();

    public string Name => "blazorpack";

    public int Version => inner.Version;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
}
