using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Time;

namespace Noress.App.Documents;

/// <summary>
/// The @codemirror/collab transport (contract: DOCS-CONTRACT.md). Every method checks the caller's right on the
/// document again, whatever the browser believes.
/// </summary>
[Authorize(Policy = Accounts.Policies.Member)]
public sealed class DocumentHub(
    DocumentService documents,
    DocumentAuthority authority,
    DocumentPresence presence,
    UpdateRateLimiter rateLimiter,
    DocumentBroadcaster broadcaster,
    DocumentSuggestionService suggestions,
    IOptions<DocumentOptions> options,
    TimeProvider clock,
    IStringLocalizer<DocumentsText> text) : Hub
{
    private const string CultureKey = "culture";

    public override Task OnConnectedAsync()
    {
        // Invocations do not run inside the negotiate request: keep its culture for localized errors.
        var culture = Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        if (culture is not null)
        {
            Context.Items[CultureKey] = culture;
        }

        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var documentId in await presence.RemoveConnectionAsync(Context.ConnectionId))
        {
            await Clients.OthersInGroup(DocumentBroadcaster.Group(documentId)).SendAsync("PresenceLeft", documentId, Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    public async Task<DocumentSnapshotDto> Join(Guid documentId)
    {
        UseCallerCulture();
        var access = await documents.GetAccessAsync(Context.User!, documentId, Context.ConnectionAborted);
        if (access is null)
        {
            throw new HubException(text["ErrorNotFound"]);
        }

        if (access.Right < DocumentRight.Read)
        {
            throw new HubException(text["ErrorNoReadRight"]);
        }

        var head = await authority.GetHeadAsync(documentId, Context.ConnectionAborted) ?? throw new HubException(text["ErrorNotFound"]);
        await Groups.AddToGroupAsync(Context.ConnectionId, DocumentBroadcaster.Group(documentId), Context.ConnectionAborted);
        var color = DocumentPresence.ColorFor(access.Subject.UserId);
        var mine = new PresenceDto(Context.ConnectionId, access.Subject.UserId, access.UserName, color, head.Version, 0, 0);
        await presence.SetAsync(documentId, mine);
        await Clients.OthersInGroup(DocumentBroadcaster.Group(documentId)).SendAsync("PresenceChanged", documentId, mine);
        // Everyone already there, on every node (ADR 0048), not only those this node holds.
        var others = (await presence.EveryoneInAsync(documentId, Context.ConnectionAborted)).Where(p => p.ConnectionId != Context.ConnectionId).ToList();
        return new DocumentSnapshotDto(documentId, access.Document.Title, head.Version, head.Text, access.Right.ToString(), access.UserName, color, others, DocumentLimitsDto.From(options.Value));
    }

    public async Task Leave(Guid documentId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, DocumentBroadcaster.Group(documentId));
        if (await presence.RemoveAsync(documentId, Context.ConnectionId))
        {
            await Clients.OthersInGroup(DocumentBroadcaster.Group(documentId)).SendAsync("PresenceLeft", documentId, Context.ConnectionId);
        }
    }

    public async Task<IReadOnlyList<UpdateDto>> Pull(Guid documentId, int version)
    {
        UseCallerCulture();
        await RequireAsync(documentId, DocumentRight.Read, "ErrorNoReadRight");
        var updates = await authority.PullAsync(documentId, version, Context.ConnectionAborted);
        return updates.Select(UpdateDto.From).ToList();
    }

    public async Task<PushResultDto> Push(Guid documentId, int version, IReadOnlyList<UpdateDto> updates)
    {
        UseCallerCulture();
        // The right judged for this connection's last push stands while the rights stamp does; the commit checks it.
        var remembered = Remembered(documentId);
        var (access, stamp) = remembered is not null
            ? (remembered.Access, remembered.Stamp)
            : await documents.GetStampedAccessAsync(Context.User!, documentId, Context.ConnectionAborted);
        if (access is null)
        {
            return new PushResultDto(false, 0, text["ErrorNotFound"]);
        }

        if (access.Right < DocumentRight.Edit)
        {
            return new PushResultDto(false, version, text["ErrorNoEditRight"]);
        }

        if (updates is null || updates.Count == 0)
        {
            return new PushResultDto(false, version, text["ErrorMalformed"]);
        }

        if (updates.Count > options.Value.MaxUpdatesPerPush)
        {
            // The editor cuts its backlog to the limits it got from Join; only another client gets here.
            return new PushResultDto(false, version, text["ErrorTooManyInOnePush", options.Value.MaxUpdatesPerPush]);
        }

        // The limit is on pushes and bytes, never on the number of updates: a backlog always goes, in pieces (ADR 0010).
        var bytes = updates.Sum(u => u.Changes.ValueKind == System.Text.Json.JsonValueKind.Undefined ? 0L : Encoding.UTF8.GetByteCount(u.Changes.GetRawText()));
        var decision = rateLimiter.TryAcquire(access.Subject.UserId, bytes);
        if (!decision.Allowed)
        {
            return new PushResultDto(false, version, null, RetryAfter(decision));
        }

        // A push on an old version is rebased over what others wrote since, not refused (ADR 0046).
        var incoming = updates.Select(u => new IncomingUpdate(u.ClientId, u.Changes)).ToList();
        Remember(documentId, access, stamp);
        var outcome = await PushJudgedAsync(documentId, version, incoming, access.Subject.UserId, stamp);
        if (outcome.Status == PushStatus.RightsChanged)
        {
            // Who may edit changed since the judgement: judge again on the database and push as judged just now.
            Forget(documentId);
            (access, stamp) = await documents.GetStampedAccessAsync(Context.User!, documentId, Context.ConnectionAborted);
            if (access is null)
            {
                return new PushResultDto(false, 0, text["ErrorNotFound"]);
            }

            if (access.Right < DocumentRight.Edit)
            {
                return new PushResultDto(false, version, text["ErrorNoEditRight"]);
            }

            Remember(documentId, access, stamp);
            outcome = await PushJudgedAsync(documentId, version, incoming, access.Subject.UserId, rightsStamp: null);
        }

        if (outcome.Status == PushStatus.Accepted && outcome.Accepted.Count > 0)
        {
            if (options.Value.BroadcastTickMilliseconds > 0)
            {
                broadcaster.Updates(documentId, outcome.Accepted, outcome.Version);
            }
            else
            {
                await broadcaster.UpdatesAsync(documentId, outcome.Accepted, outcome.Version, Context.ConnectionAborted);
            }
        }

        return outcome.Status switch
        {
            // Rebased: only the pushed updates' stored form; the others' come in the broadcasts (ADR 0060).
            PushStatus.Accepted => new PushResultDto(true, outcome.Version, null, null, outcome.Since is null ? null : outcome.Accepted.Select(UpdateDto.From).ToList()),
            PushStatus.Stale => new PushResultDto(false, outcome.Version, null),
            PushStatus.UpdateTooLarge => new PushResultDto(false, outcome.Version, text["ErrorUpdateTooLarge"]),
            PushStatus.DocumentTooLarge => new PushResultDto(false, outcome.Version, text["ErrorDocumentTooLarge"]),
            PushStatus.NotFound => new PushResultDto(false, outcome.Version, text["ErrorNotFound"]),
            _ => new PushResultDto(false, outcome.Version, text["ErrorMalformed"]),
        };
    }

    private Task<PushOutcome> PushJudgedAsync(Guid documentId, int version, IReadOnlyList<IncomingUpdate> incoming, Guid userId, Guid? rightsStamp) =>
        options.Value.RebaseStalePushes
            ? authority.PushRebasingAsync(documentId, version, incoming, userId, rightsStamp, Context.ConnectionAborted)
            : authority.PushAsync(documentId, version, incoming, userId, rightsStamp, Context.ConnectionAborted);

    private static string AccessKey(Guid documentId) => $"push-access:{documentId}";

    // Remembered for today only: committee rights follow the membership in force on the day, which no write moves.
    private RememberedAccess? Remembered(Guid documentId) =>
        Context.Items.TryGetValue(AccessKey(documentId), out var value) && value is RememberedAccess remembered && remembered.Day == NoressClock.Today(clock)
            ? remembered
            : null;

    private void Remember(Guid documentId, DocumentAccess access, Guid stamp)
    {
        // A call application's right also follows the call's deadline, which no write moves: judged on every push.
        if (access.Document.SpaceKind != DocumentSpaceKind.CallApplication)
        {
            Context.Items[AccessKey(documentId)] = new RememberedAccess(access, stamp, NoressClock.Today(clock));
        }
    }

    private void Forget(Guid documentId) => Context.Items.Remove(AccessKey(documentId));

    private sealed record RememberedAccess(DocumentAccess Access, Guid Stamp, DateOnly Day);

    /// <summary>Stores changes made on <paramref name="version"/> as a pending suggestion (Suggest right).</summary>
    public async Task<SuggestResultDto> Suggest(Guid documentId, int version, System.Text.Json.JsonElement changes)
    {
        UseCallerCulture();
        var access = await documents.GetAccessAsync(Context.User!, documentId, Context.ConnectionAborted);
        if (access is null)
        {
            return new SuggestResultDto(false, text["ErrorNotFound"]);
        }

        if (access.Right < DocumentRight.Suggest)
        {
            return new SuggestResultDto(false, text["ErrorNoSuggestRight"]);
        }

        if (!rateLimiter.TryAcquire(access.Subject.UserId, Encoding.UTF8.GetByteCount(changes.GetRawText())).Allowed)
        {
            return new SuggestResultDto(false, text["ErrorTooManyUpdates"]);
        }

        try
        {
            var outcome = await suggestions.CreateAsync(Context.User!, documentId, version, changes.GetRawText(), Context.ConnectionAborted);
            return new SuggestResultDto(outcome.Succeeded, outcome.Error);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or KeyNotFoundException)
        {
            // A malformed change set (what no editor sends) or an unknown version.
            return new SuggestResultDto(false, text["ErrorMalformed"]);
        }
    }

    /// <summary>The pending suggestions, mapped to the current version, for display as tracked changes (Read right).</summary>
    public async Task<IReadOnlyList<SuggestionDto>> Suggestions(Guid documentId)
    {
        UseCallerCulture();
        try
        {
            var pending = await suggestions.ListPendingAsync(Context.User!, documentId, Context.ConnectionAborted);
            return [.. pending.Select(s =>
            {
                using var json = System.Text.Json.JsonDocument.Parse(s.ChangesJson);
                return new SuggestionDto(s.Id, s.AuthorName, s.Version, json.RootElement.Clone());
            })];
        }
        catch (KeyNotFoundException)
        {
            throw new HubException(text["ErrorNotFound"]);
        }
        catch (UnauthorizedAccessException)
        {
            throw new HubException(text["ErrorNoReadRight"]);
        }
    }

    public async Task UpdatePresence(Guid documentId, int version, int anchor, int head)
    {
        var current = presence.Get(documentId, Context.ConnectionId);
        if (current is null)
        {
            // Only a joined connection (which passed the read check) has presence to update.
            return;
        }

        var updated = current with { Version = version, Anchor = Math.Max(0, anchor), Head = Math.Max(0, head) };
        await presence.SetAsync(documentId, updated);
        await Clients.OthersInGroup(DocumentBroadcaster.Group(documentId)).SendAsync("PresenceChanged", documentId, updated);
    }

    private async Task RequireAsync(Guid documentId, DocumentRight right, string errorKey)
    {
        var access = await documents.GetAccessAsync(Context.User!, documentId, Context.ConnectionAborted);
        if (access is null)
        {
            throw new HubException(text["ErrorNotFound"]);
        }

        if (access.Right < right)
        {
            throw new HubException(text[errorKey]);
        }
    }

    private static int RetryAfter(RateDecision decision) =>
        (int)Math.Clamp(Math.Ceiling(decision.RetryAfter.TotalMilliseconds), 1, int.MaxValue);

    private void UseCallerCulture()
    {
        if (Context.Items.TryGetValue(CultureKey, out var value) && value is CultureInfo culture)
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
        }
    }
}
