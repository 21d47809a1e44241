using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Notifications;

using Noress.App.Shared.Operations;

namespace Noress.App.Documents;

public sealed record CommentItem(Guid Id, Guid AuthorId, string AuthorName, string Body, DateTime CreatedAt);

/// <summary>Someone who can be mentioned in a comment as @Email.</summary>
public sealed record MentionCandidate(string Name, string Email);

/// <summary>A thread with its anchor expressed in the text at <see cref="Version"/>.</summary>
public sealed record CommentThreadItem(Guid Id, int Version, int From, int To, bool IsResolved, IReadOnlyList<CommentItem> Comments);

/// <summary>Comment threads anchored to a range that follows the edits; mentions (@e-mail) notify the person.</summary>
public sealed partial class DocumentCommentService(
    IDbContextFactory<NoressDbContext> dbFactory,
    DocumentService documents,
    DocumentAuthority authority,
    DocumentBroadcaster broadcaster,
    NotificationService notifications,
    IStringLocalizer<DocumentsText> text,
    TimeProvider clock,
    Refusals<DocumentsText> refuse)
{
    public const int MaxBodyLength = 8000;

    public const string MentionCategory = "documents.mention";

    /// <summary>Every thread, its anchor mapped to the current version (and stored so the next read maps less).</summary>
    public async Task<IReadOnlyList<CommentThreadItem>> ListThreadsAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken = default)
    {
        await RequireAsync(principal, documentId, DocumentRight.Read, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var threads = await db.DocumentCommentThreads.Include(t => t.Comments).Where(t => t.DocumentId == documentId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        if (threads.Count == 0)
        {
            return [];
        }

        var oldest = threads.Min(t => t.AnchorVersion);
        var updates = await authority.PullAsync(documentId, oldest, cancellationToken);
        foreach (var thread in threads)
        {
            var (from, to, version) = MapRange(thread.From, thread.To, thread.AnchorVersion, updates);
            if (version != thread.AnchorVersion)
            {
                (thread.From, thread.To, thread.AnchorVersion) = (from, to, version);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var authorIds = threads.SelectMany(t => t.Comments).Select(c => c.AuthorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        return threads.Select(t => new CommentThreadItem(
            t.Id, t.AnchorVersion, t.From, t.To, t.IsResolved,
            t.Comments.OrderBy(c => c.CreatedAt).Select(c => new CommentItem(c.Id, c.AuthorId, names.GetValueOrDefault(c.AuthorId, string.Empty), c.Body, c.CreatedAt)).ToList())).ToList();
    }

    /// <summary>
    /// Maps a range through the updates after <paramref name="version"/> (<paramref name="updates"/> hold the
    /// updates after some version at or before it, in order). The start sticks after text inserted at it, the end before.
    /// </summary>
    public static (int From, int To, int Version) MapRange(int from, int to, int version, IReadOnlyList<AcceptedUpdate> updates)
    {
        foreach (var update in updates)
        {
            if (update.Version <= version)
            {
                continue;
            }

            from = update.Changes.MapPosition(from, 1);
            to = Math.Max(from, update.Changes.MapPosition(to, -1));
            version = update.Version;
        }

        return (from, to, version);
    }

    /// <summary>Opens a thread on From..To of the text at <paramref name="version"/> (Comment right).</summary>
    public async Task<Outcome<Guid>> CreateThreadAsync(ClaimsPrincipal principal, Guid documentId, int version, int from, int to, string body, CancellationToken cancellationToken = default)
    {
        var access = await RequireAsync(principal, documentId, DocumentRight.Comment, cancellationToken);
        var head = await authority.GetHeadAsync(documentId, cancellationToken) ?? throw new KeyNotFoundException($"Document {documentId} does not exist.");
        var updates = await authority.PullAsync(documentId, version, cancellationToken);
        var lengthAtVersion = updates.Count > 0 ? updates[0].Changes.Length : head.Text.Length;
        if (version < 0 || version > head.Version || from < 0 || to < from || to > lengthAtVersion)
        {
            return refuse["Refusal.CommentRange"];
        }

        if (!IsValidBody(body))
        {
            return refuse["Refusal.Comment"];
        }

        var (mappedFrom, mappedTo, mappedVersion) = MapRange(from, to, version, updates);
        var now = clock.GetUtcNow().UtcDateTime;
        var thread = new CommentThread
        {
            DocumentId = documentId,
            AnchorVersion = mappedVersion,
            From = mappedFrom,
            To = mappedTo,
            CreatedById = access.Subject.UserId,
            CreatedAt = now,
        };
        thread.Comments.Add(NewComment(thread.Id, access.Subject.UserId, body, now));
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.DocumentCommentThreads.Add(thread);
            await db.SaveChangesAsync(cancellationToken);
        }

        await NotifyMentionsAsync(access, body, cancellationToken);
        await broadcaster.AnnotationsChangedAsync(documentId, cancellationToken);
        return Outcome<Guid>.Done(thread.Id);
    }

    public async Task<Outcome<Guid>> ReplyAsync(ClaimsPrincipal principal, Guid threadId, string body, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var thread = await db.DocumentCommentThreads.SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken)
            ?? throw new KeyNotFoundException($"Thread {threadId} does not exist.");
        var access = await RequireAsync(principal, thread.DocumentId, DocumentRight.Comment, cancellationToken);
        if (!IsValidBody(body))
        {
            return refuse["Refusal.Comment"];
        }

        var comment = NewComment(threadId, access.Subject.UserId, body, clock.GetUtcNow().UtcDateTime);
        db.DocumentComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await NotifyMentionsAsync(access, body, cancellationToken);
        await broadcaster.AnnotationsChangedAsync(thread.DocumentId, cancellationToken);
        return Outcome<Guid>.Done(comment.Id);
    }

    public Task ResolveAsync(ClaimsPrincipal principal, Guid threadId, CancellationToken cancellationToken = default) =>
        SetResolvedAsync(principal, threadId, true, cancellationToken);

    public Task ReopenAsync(ClaimsPrincipal principal, Guid threadId, CancellationToken cancellationToken = default) =>
        SetResolvedAsync(principal, threadId, false, cancellationToken);

    /// <summary>Active people whose name or e-mail contains <paramref name="query"/> (2 characters at least), for mention autocomplete (Comment right).</summary>
    public async Task<IReadOnlyList<MentionCandidate>> SearchMentionsAsync(ClaimsPrincipal principal, Guid documentId, string? query, CancellationToken cancellationToken = default)
    {
        await RequireAsync(principal, documentId, DocumentRight.Comment, cancellationToken);
        var wanted = query?.Trim().TrimStart('@').ToUpperInvariant() ?? string.Empty;
        if (wanted.Length < 2)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Matching(wanted)
            .Take(8)
            .Select(u => new MentionCandidate(u.FullName, u.Email!))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The e-mail addresses mentioned as @name@domain in a comment (pure).</summary>
    public static IReadOnlyList<string> ParseMentions(string body) =>
        [.. MentionPattern().Matches(body).Select(m => m.Groups[1].Value.TrimEnd('.')).Distinct(StringComparer.OrdinalIgnoreCase)];

    private async Task SetResolvedAsync(ClaimsPrincipal principal, Guid threadId, bool resolved, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var thread = await db.DocumentCommentThreads.SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken)
            ?? throw new KeyNotFoundException($"Thread {threadId} does not exist.");
        var access = await RequireAsync(principal, thread.DocumentId, DocumentRight.Comment, cancellationToken);
        thread.IsResolved = resolved;
        thread.ResolvedById = resolved ? access.Subject.UserId : null;
        thread.ResolvedAt = resolved ? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.AnnotationsChangedAsync(thread.DocumentId, cancellationToken);
    }

    private static bool IsValidBody(string? body) => !string.IsNullOrWhiteSpace(body) && body.Length <= MaxBodyLength;

    private static Comment NewComment(Guid threadId, Guid authorId, string body, DateTime now)
    {
        // Callers have checked the body with IsValidBody and refused it with a message.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(body.Length, MaxBodyLength, nameof(body));
        return new Comment { ThreadId = threadId, AuthorId = authorId, Body = body.Trim(), CreatedAt = now };
    }

    private async Task NotifyMentionsAsync(DocumentAccess access, string body, CancellationToken cancellationToken)
    {
        var emails = ParseMentions(body).Select(e => e.ToUpperInvariant()).ToList();
        if (emails.Count == 0)
        {
            return;
        }

        List<Guid> mentioned;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            mentioned = await db.Users.AsNoTracking()
                .Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail) && u.IsActive && u.Id != access.Subject.UserId)
                .Select(u => u.Id)
                .ToListAsync(cancellationToken);
        }

        foreach (var userId in mentioned)
        {
            // Only people who can read the document hear about it.
            List<string> roles;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                roles = await (from userRole in db.UserRoles
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where userRole.UserId == userId && role.Name != null
                               select role.Name!).ToListAsync(cancellationToken);
            }

            var claims = roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.NameIdentifier, userId.ToString()));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "mention"));
            var their = await documents.GetAccessAsync(principal, access.Document.Id, cancellationToken);
            if (their is null || their.Right < DocumentRight.Read)
            {
                continue;
            }

            var title = text["MentionTitle", access.UserName, access.Document.Title];
            await notifications.NotifyAsync(userId, MentionCategory, title, body.Length > 500 ? body[..500] : body, $"/documents/{access.Document.Id}", cancellationToken);
        }
    }

    private async Task<DocumentAccess> RequireAsync(ClaimsPrincipal principal, Guid documentId, DocumentRight right, CancellationToken cancellationToken)
    {
        var access = await documents.GetAccessAsync(principal, documentId, cancellationToken)
            ?? throw new KeyNotFoundException($"Document {documentId} does not exist.");
        return access.Right >= right ? access : throw new UnauthorizedAccessException($"The right {right} is needed on document {documentId}.");
    }

    [GeneratedRegex(@"(?<![\w.+-])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")]
    private static partial Regex MentionPattern();
}
