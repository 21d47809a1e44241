using System.Text.Json;

namespace Noress.App.Documents;

// The hub's wire shapes, fixed by the contract with the editor (docs: DOCS-CONTRACT.md).

public sealed record DocumentSnapshotDto(Guid DocumentId, string Title, int Version, string Text, string Right, string UserName, string Color, IReadOnlyList<PresenceDto> Presence, DocumentLimitsDto Limits);

/// <summary>What the editor must respect to be let through (ADR 0010): it cuts a backlog into pushes within these.</summary>
public sealed record DocumentLimitsDto(int MaxDocumentLength, int MaxUpdateLength, long MaxMessageBytes, int MaxUpdatesPerPush)
{
    public static DocumentLimitsDto From(DocumentOptions options) =>
        new(options.MaxDocumentLength, options.MaxUpdateLength, options.MaxMessageBytes - DocumentOptions.MessageEnvelopeBytes, options.MaxUpdatesPerPush);
}

public sealed class UpdateDto
{
    public string ClientId { get; set; } = string.Empty;

    public JsonElement Changes { get; set; }

    public Guid? UserId { get; set; }

    public DateTime? At { get; set; }

    public static UpdateDto From(AcceptedUpdate update)
    {
        using var json = JsonDocument.Parse(update.ChangesJson);
        return new UpdateDto { ClientId = update.ClientId, Changes = json.RootElement.Clone(), UserId = update.UserId, At = update.At };
    }
}

/// <summary>
/// Answer to a push: accepted; stale (no error: pull and push again); refused with a localized error; or held back
/// by the rate limit (no error, <see cref="RetryAfterMilliseconds"/> set: send the same again after that wait).
/// Accepted after a rebase (ADR 0046), <see cref="Updates"/> holds the pushed updates in their stored form, ending at
/// <see cref="Version"/>: the editor applies them after the broadcasts that bring the others' updates before them
/// (ADR 0060). Null when the push was stored as it was sent.
/// </summary>
public sealed record PushResultDto(bool Accepted, int Version, string? Error, int? RetryAfterMilliseconds = null, IReadOnlyList<UpdateDto>? Updates = null);

/// <summary>Answer to a suggestion: stored as pending for an editor to accept or reject, or refused with a localized reason.</summary>
public sealed record SuggestResultDto(bool Accepted, string? Error);

public sealed record PresenceDto(string ConnectionId, Guid UserId, string UserName, string Color, int Version, int Anchor, int Head);

/// <summary>A pending suggestion for tracked-change display: its changes apply to the text of <see cref="Version"/>.</summary>
public sealed record SuggestionDto(Guid Id, string AuthorName, int Version, JsonElement Changes);
