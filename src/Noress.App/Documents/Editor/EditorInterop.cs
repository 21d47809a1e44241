using System.Text.Json;

namespace Noress.App.Documents.Editor;

/// <summary>What the editor script reports once it joined the document (Right as the hub spells it).</summary>
public sealed record EditorJoinInfo(string? Title, string? Right, int Version, string? UserName, string? Color);

/// <summary>Someone else in the document.</summary>
public sealed record EditorPresence(string ConnectionId, string UserName, string Color);

/// <summary>The answer of the editor script's sendSuggestion.</summary>
public sealed record EditorSuggestionResult(bool Accepted, string? Error);

/// <summary>A selection (UTF-16 positions) in the text at Version, as the editor script's getSelection reports it.</summary>
public sealed record EditorSelection(int From, int To, int Version);

/// <summary>What the editor script is mounted with (the status texts it shows itself, the hub's timing).</summary>
public sealed record EditorMountOptions(
    Guid DocumentId,
    bool SuggestionMode,
    string Label,
    string SuggestionTitle,
    IReadOnlyDictionary<string, string> Texts,
    int KeepAliveMilliseconds,
    int ServerTimeoutMilliseconds);

/// <summary>
/// The editor's own messages cross JS interop as JSON text, written and read with these options, one set per node:
/// Blazor's JS runtime builds its serializer metadata again in every circuit for each type it meets (about 8 KB for
/// a record of five properties), and a string costs it nothing more (ADR 0062).
/// </summary>
public static class EditorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("The editor script sent null.");
}

/// <summary>The connection states the editor script reports.</summary>
public static class EditorConnection
{
    public const string Connecting = "connecting";
    public const string Connected = "connected";
    public const string Reconnecting = "reconnecting";
    public const string Disconnected = "disconnected";
}
