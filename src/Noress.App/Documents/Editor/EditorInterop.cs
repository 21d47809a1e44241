namespace Noress.App.Documents.Editor;

/// <summary>What the editor script reports once it joined the document (Right as the hub spells it).</summary>
public sealed record EditorJoinInfo(string? Title, string? Right, int Version, string? UserName, string? Color);

/// <summary>Someone else in the document.</summary>
public sealed record EditorPresence(string ConnectionId, string UserName, string Color);

/// <summary>The answer of the editor script's sendSuggestion.</summary>
public sealed record EditorSuggestionResult(bool Accepted, string? Error);

/// <summary>A selection (UTF-16 positions) in the text at Version, as the editor script's getSelection reports it.</summary>
public sealed record EditorSelection(int From, int To, int Version);

/// <summary>The connection states the editor script reports.</summary>
public static class EditorConnection
{
    public const string Connecting = "connecting";
    public const string Connected = "connected";
    public const string Reconnecting = "reconnecting";
    public const string Disconnected = "disconnected";
}
