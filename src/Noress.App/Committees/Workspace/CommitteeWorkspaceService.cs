using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Sessions.Decisions;
using Noress.App.Shared.Operations;

namespace Noress.App.Committees.Workspace;

/// <summary>A committee's workspace as the viewer may see it.</summary>
public sealed record CommitteeWorkspace(CommitteeComposition Composition, CommitteeViewer Viewer);

/// <summary>The committee's meetings and the decisions they took.</summary>
public sealed record CommitteeMeetings(IReadOnlyList<SessionListItem> Sessions, IReadOnlyList<DecisionSummary> Decisions);

/// <summary>The workspace's live feed, a seam so the feed component is testable without a database.</summary>
public interface ICommitteeFeed
{
    /// <summary>The feed, newest first; null for whoever may not see the committee's private content.</summary>
    Task<IReadOnlyList<CommitteeActivity>?> ActivityAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken ct);
}

/// <summary>
/// Reads a committee's workspace for one viewer and makes the changes its page offers (a new document, the
/// network switch). Private content (ADR 0028) comes back null for whoever is neither in the committee nor staff.
/// </summary>
public sealed class CommitteeWorkspaceService(
    CommitteeService committees,
    CommitteeWorkspaceAccess access,
    DocumentService documents,
    DocumentSharingService sharing,
    SessionService sessions,
    DecisionService decisions,
    IEnumerable<ICommitteeActivitySource> sources,
    CommitteeLive live,
    Refusals<CommitteesText> refuse,
    ILogger<CommitteeWorkspaceService> logger) : ICommitteeFeed
{
    public const int FeedSize = 30;

    /// <summary>The committee's composition (public: designated in plenary) and the viewer's standing; null when there is no such committee.</summary>
    public async Task<CommitteeWorkspace?> GetAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken ct)
    {
        var composition = await committees.CompositionAsync(caller, committeeId, ct);
        return composition is null ? null : new CommitteeWorkspace(composition, await access.ViewerAsync(caller, committeeId, ct));
    }

    /// <summary>The live feed, newest first, merged from every <see cref="ICommitteeActivitySource"/>; null for whoever may not see it.</summary>
    public async Task<IReadOnlyList<CommitteeActivity>?> ActivityAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken ct)
    {
        if (!(await access.ViewerAsync(caller, committeeId, ct)).SeesPrivate)
        {
            return null;
        }

        var all = new List<CommitteeActivity>();
        foreach (var source in sources)
        {
            try
            {
                all.AddRange(await source.ListAsync(committeeId, FeedSize, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One feature's failure must not blank the whole feed; the others still show.
                logger.LogWarning(e, "Committee activity source {Source} failed for {CommitteeId}", source.GetType().Name, committeeId);
            }
        }

        return [.. all.OrderByDescending(a => a.AtUtc).Take(FeedSize)];
    }

    /// <summary>The committee's documents the viewer may read: all of them for its people and staff, the shared ones for others.</summary>
    public Task<IReadOnlyList<SpaceDocumentItem>> DocumentsAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken ct) =>
        documents.ListInSpaceAsync(caller, DocumentSpaceKind.Committee, committeeId, ct);

    /// <summary>The committee's meetings the viewer may follow and their decisions; null for whoever may not see them.</summary>
    public async Task<CommitteeMeetings?> MeetingsAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken ct)
    {
        if (!(await access.ViewerAsync(caller, committeeId, ct)).SeesPrivate)
        {
            return null;
        }

        var meetings = (await sessions.ListVisibleAsync(caller, ct)).Where(s => s.CommitteeId == committeeId).ToList();
        var ids = meetings.Select(m => m.Id).ToHashSet();
        var taken = (await decisions.ListAsync(caller, null, null, ct)).Where(d => ids.Contains(d.SessionId)).ToList();
        return new CommitteeMeetings(meetings, taken);
    }

    /// <summary>A new, empty co-edited document in the committee's space (private until shared).</summary>
    public async Task<Outcome<Guid>> CreateDocumentAsync(ClaimsPrincipal caller, Guid committeeId, string title, CancellationToken ct)
    {
        if (!(await access.ViewerAsync(caller, committeeId, ct)).SeesPrivate)
        {
            throw new UnauthorizedAccessException("Only the committee's people and the staff create its documents.");
        }

        title = (title ?? string.Empty).Trim();
        if (title.Length is 0 or > 300)
        {
            return refuse["Error.DocumentTitle"];
        }

        var created = await documents.CreateAsync(caller, DocumentSpaceKind.Committee, committeeId, title, string.Empty, ct);
        if (created.Succeeded)
        {
            await live.ChangedAsync(committeeId, CommitteeEvents.Documents);
        }

        return created;
    }

    /// <summary>Opens one of the committee's documents to every member (read only), or closes it again.</summary>
    public async Task<Outcome<Guid>> SetSharedAsync(ClaimsPrincipal caller, Guid committeeId, Guid documentId, bool shared, CancellationToken ct)
    {
        var document = await documents.GetAccessAsync(caller, documentId, ct);
        if (document is null || document.Document.SpaceKind != DocumentSpaceKind.Committee || document.Document.SpaceId != committeeId)
        {
            return refuse["Error.DocumentNotFound"];
        }

        var outcome = await sharing.SetSharedWithNetworkAsync(caller, documentId, shared, ct);
        if (outcome.Succeeded)
        {
            await live.ChangedAsync(committeeId, CommitteeEvents.Documents);
        }

        return outcome;
    }
}
