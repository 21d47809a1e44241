using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;

using Noress.App.Shared.Operations;

namespace Noress.App.Documents;

/// <summary>One explicit grant on a document, with the name of whom it is for.</summary>
public sealed record DocumentGrantItem(Guid Id, DocumentPrincipalKind Kind, string Principal, string DisplayName, DocumentRight Right);

/// <summary>Someone a document can be shared with: a role, an institution or a person.</summary>
public sealed record ShareTarget(DocumentPrincipalKind Kind, string Principal, string DisplayName);

/// <summary>
/// Sharing a document beyond what its space gives: grants to a role, an institution or a person, managed by
/// the document's editors. A grant only raises a right; the space's default always applies.
/// </summary>
public sealed class DocumentSharingService(IDbContextFactory<NoressDbContext> dbFactory, DocumentService documents, DocumentBroadcaster broadcaster, Refusals<DocumentsText> refuse)
{
    /// <summary>The rights a grant can give (None is what revoking is for).</summary>
    public static readonly IReadOnlyList<DocumentRight> GrantableRights = [DocumentRight.Read, DocumentRight.Comment, DocumentRight.Suggest, DocumentRight.Edit];

    public async Task<IReadOnlyList<DocumentGrantItem>> ListAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken = default)
    {
        await RequireEditAsync(principal, documentId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var grants = await db.DocumentPermissions.AsNoTracking().Where(p => p.DocumentId == documentId).ToListAsync(cancellationToken);
        var userIds = grants.Where(g => g.PrincipalKind == DocumentPrincipalKind.User).Select(g => ParseId(g.Principal)).ToList();
        var institutionIds = grants.Where(g => g.PrincipalKind == DocumentPrincipalKind.Institution).Select(g => ParseId(g.Principal)).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.FullName} ({u.Email})", cancellationToken);
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => InstitutionName(i.Acronym, i.NameFr, i.NameAr), cancellationToken);
        return [.. grants
            .Select(g => new DocumentGrantItem(g.Id, g.PrincipalKind, g.Principal, g.PrincipalKind switch
            {
                DocumentPrincipalKind.User => users.GetValueOrDefault(ParseId(g.Principal), g.Principal),
                DocumentPrincipalKind.Institution => institutions.GetValueOrDefault(ParseId(g.Principal), g.Principal),
                _ => g.Principal,
            }, g.Right))
            .OrderBy(g => g.Kind).ThenBy(g => g.DisplayName, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// Every role (the page matches them on their localized names), then institutions (acronym or name) and active
    /// people (name or e-mail) matching <paramref name="query"/>.
    /// </summary>
    public async Task<IReadOnlyList<ShareTarget>> SearchTargetsAsync(ClaimsPrincipal principal, Guid documentId, string? query, CancellationToken cancellationToken = default)
    {
        await RequireEditAsync(principal, documentId, cancellationToken);
        var wanted = query?.Trim().ToUpperInvariant() ?? string.Empty;
        var roles = Roles.All.Select(r => new ShareTarget(DocumentPrincipalKind.Role, r, r));
        if (wanted.Length < 2)
        {
            return [.. roles];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var institutions = await db.Institutions.AsNoTracking()
            .Matching(wanted)
            .OrderBy(i => i.Acronym).Take(6)
            .Select(i => new { i.Id, i.Acronym, i.NameFr, i.NameAr })
            .ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Matching(wanted).Take(6)
            .Select(u => new { u.Id, u.FullName, u.Email })
            .ToListAsync(cancellationToken);
        return [.. roles,
            .. institutions.Select(i => new ShareTarget(DocumentPrincipalKind.Institution, i.Id.ToString(), InstitutionName(i.Acronym, i.NameFr, i.NameAr))),
            .. people.Select(p => new ShareTarget(DocumentPrincipalKind.User, p.Id.ToString(), $"{p.FullName} ({p.Email})"))];
    }

    /// <summary>Gives (or changes) the right of a role, an institution or a person on the document.</summary>
    public async Task<Outcome<Guid>> GrantAsync(ClaimsPrincipal principal, Guid documentId, DocumentPrincipalKind kind, string target, DocumentRight right, CancellationToken cancellationToken = default)
    {
        await RequireEditAsync(principal, documentId, cancellationToken);
        if (!GrantableRights.Contains(right))
        {
            return refuse["Refusal.ShareRight"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await NormalizeTargetAsync(db, kind, target, cancellationToken) is not { } normalized)
        {
            return refuse["Refusal.ShareTarget"];
        }

        var grant = await db.DocumentPermissions.SingleOrDefaultAsync(
            p => p.DocumentId == documentId && p.PrincipalKind == kind && p.Principal == normalized, cancellationToken);
        if (grant is null)
        {
            grant = new DocumentPermission { DocumentId = documentId, PrincipalKind = kind, Principal = normalized, Right = right };
            db.DocumentPermissions.Add(grant);
        }
        else
        {
            grant.Right = right;
        }

        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.RightsChangedAsync(documentId, cancellationToken);
        return Outcome<Guid>.Done(grant.Id);
    }

    /// <summary>Removes one grant of the document; the person keeps what the space gives.</summary>
    public async Task<Outcome<Guid>> RevokeAsync(ClaimsPrincipal principal, Guid documentId, Guid grantId, CancellationToken cancellationToken = default)
    {
        await RequireEditAsync(principal, documentId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var grant = await db.DocumentPermissions.SingleOrDefaultAsync(p => p.Id == grantId && p.DocumentId == documentId, cancellationToken);
        if (grant is null)
        {
            // Removed meanwhile, by another editor or another tab.
            return refuse["Refusal.GrantGone"];
        }

        db.DocumentPermissions.Remove(grant);
        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.RightsChangedAsync(documentId, cancellationToken);
        return Outcome<Guid>.Done(grantId);
    }

    /// <summary>
    /// The "shared with the network" switch (ADR 0028): on, every member may read the document (a Member role grant);
    /// off, the grants to the Member role on it go and the space's default applies again (a committee's: its people only).
    /// </summary>
    public async Task<Outcome<Guid>> SetSharedWithNetworkAsync(ClaimsPrincipal principal, Guid documentId, bool shared, CancellationToken cancellationToken = default)
    {
        await RequireEditAsync(principal, documentId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var grants = await db.DocumentPermissions
            .Where(p => p.DocumentId == documentId && p.PrincipalKind == DocumentPrincipalKind.Role && p.Principal == Roles.Member)
            .ToListAsync(cancellationToken);
        if (shared && grants.Count == 0)
        {
            db.DocumentPermissions.Add(DocumentRights.NetworkGrant(documentId));
        }
        else if (!shared)
        {
            db.DocumentPermissions.RemoveRange(grants);
        }

        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.RightsChangedAsync(documentId, cancellationToken);
        return Outcome<Guid>.Done(documentId);
    }

    private static async Task<string?> NormalizeTargetAsync(NoressDbContext db, DocumentPrincipalKind kind, string target, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case DocumentPrincipalKind.Role:
                return Roles.All.FirstOrDefault(r => string.Equals(r, target, StringComparison.Ordinal));
            case DocumentPrincipalKind.User when Guid.TryParse(target, out var userId):
                return await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken) ? userId.ToString() : null;
            case DocumentPrincipalKind.Institution when Guid.TryParse(target, out var institutionId):
                return await db.Institutions.AnyAsync(i => i.Id == institutionId, cancellationToken) ? institutionId.ToString() : null;
            default:
                return null;
        }
    }

    private async Task RequireEditAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken)
    {
        var access = await documents.GetAccessAsync(principal, documentId, cancellationToken)
            ?? throw new KeyNotFoundException($"Document {documentId} does not exist.");
        if (access.Right < DocumentRight.Edit)
        {
            throw new UnauthorizedAccessException($"Sharing document {documentId} needs the Edit right.");
        }
    }

    private static Guid ParseId(string value) => Guid.TryParse(value, out var id) ? id : Guid.Empty;

    private static string InstitutionName(string acronym, string nameFr, string nameAr) =>
        $"{acronym} — {(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? nameAr : nameFr)}";
}
