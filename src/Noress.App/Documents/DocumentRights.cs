using System.Security.Claims;
using Noress.App.Accounts;

namespace Noress.App.Documents;

/// <summary>The person rights are resolved for, with the memberships the spaces need.</summary>
public sealed record DocumentSubject(Guid UserId, IReadOnlySet<string> Roles, Guid? InstitutionId, IReadOnlySet<Guid> CommitteeIds)
{
    public static DocumentSubject From(ClaimsPrincipal principal, Guid? institutionId, IReadOnlySet<Guid>? committeeIds = null)
    {
        var userId = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        var roles = Accounts.Roles.All.Where(principal.IsInRole).ToHashSet(StringComparer.Ordinal);
        return new DocumentSubject(userId, roles, institutionId, committeeIds ?? new HashSet<Guid>());
    }

    public bool IsStaff => Roles.Contains(Accounts.Roles.Secretariat) || Roles.Contains(Accounts.Roles.Administrator);

    /// <summary>
    /// The right the calls feature gives the person on each call application's space (its applicant's people edit
    /// while it can still change, then read); applications absent from it give nothing.
    /// </summary>
    public IReadOnlyDictionary<Guid, DocumentRight> CallApplications { get; init; } = new Dictionary<Guid, DocumentRight>();
}

/// <summary>Which call applications' spaces a person may work in; implemented by the calls feature (a plug-in, not a call into it).</summary>
public interface ICallApplicationDocuments
{
    /// <summary>The person's right on the space of each application they are an applicant of (absent: none).</summary>
    Task<IReadOnlyDictionary<Guid, DocumentRight>> RightsAsync(Guid userId, Guid? institutionId, CancellationToken cancellationToken);
}

/// <summary>Pure resolution of a person's right on a document: the space's default, raised by explicit grants.</summary>
public static class DocumentRights
{
    public static DocumentRight Resolve(DocumentSubject subject, DocumentSpaceKind kind, Guid? spaceId, Guid documentId, IEnumerable<DocumentPermission> grants)
    {
        if (subject.UserId == Guid.Empty)
        {
            return DocumentRight.None;
        }

        var right = Default(subject, kind, spaceId);
        foreach (var grant in grants)
        {
            var applies = grant.DocumentId == documentId || (grant.DocumentId is null && grant.SpaceKind == kind && grant.SpaceId == spaceId);
            if (applies && Matches(subject, grant) && grant.Right > right)
            {
                right = grant.Right;
            }
        }

        return right;
    }

    /// <summary>The right a space gives without any grant; also decides who may create documents in it (Edit).</summary>
    public static DocumentRight Default(DocumentSubject subject, DocumentSpaceKind kind, Guid? spaceId) => kind switch
    {
        DocumentSpaceKind.Platform => subject.IsStaff ? DocumentRight.Edit
            : subject.Roles.Contains(Roles.Member) ? DocumentRight.Comment : DocumentRight.None,
        DocumentSpaceKind.Institution => spaceId is not null && subject.InstitutionId == spaceId ? DocumentRight.Edit : DocumentRight.None,
        // Private to the committee (ADR 0028): its people and the staff; the network reads it only through a grant
        // (SharedWithNetwork), which the committee's people switch on per document.
        DocumentSpaceKind.Committee => subject.IsStaff || (spaceId is { } committee && subject.CommitteeIds.Contains(committee)) ? DocumentRight.Edit
            : DocumentRight.None,
        // Sessions get their own membership rules with their feature; staff runs them meanwhile.
        DocumentSpaceKind.Session => subject.IsStaff ? DocumentRight.Edit : DocumentRight.None,
        // A call application's people edit it while it can change (the calls feature says so); the secretariat reads it.
        DocumentSpaceKind.CallApplication => CallApplicationRight(subject, spaceId),
        // A call's own documents (the jury's minutes, ADR 0042): the secretariat; the chair through a grant on the document.
        DocumentSpaceKind.Call => subject.IsStaff ? DocumentRight.Edit : DocumentRight.None,
        _ => DocumentRight.None,
    };

    private static DocumentRight CallApplicationRight(DocumentSubject subject, Guid? spaceId)
    {
        var applicant = spaceId is { } id ? subject.CallApplications.GetValueOrDefault(id) : DocumentRight.None;
        var staff = subject.IsStaff ? DocumentRight.Read : DocumentRight.None;
        return applicant > staff ? applicant : staff;
    }

    /// <summary>The grant that opens a document to every member (read only): the "shared with the network" switch.</summary>
    public static DocumentPermission NetworkGrant(Guid documentId) =>
        new() { DocumentId = documentId, PrincipalKind = DocumentPrincipalKind.Role, Principal = Roles.Member, Right = DocumentRight.Read };

    /// <summary>Whether <paramref name="grants"/> open the document to every member (a grant to the Member role on it, any right).</summary>
    public static bool IsSharedWithNetwork(Guid documentId, IEnumerable<DocumentPermission> grants) =>
        grants.Any(g => g.DocumentId == documentId && g.PrincipalKind == DocumentPrincipalKind.Role && g.Principal == Roles.Member && g.Right >= DocumentRight.Read);

    private static bool Matches(DocumentSubject subject, DocumentPermission grant) => grant.PrincipalKind switch
    {
        DocumentPrincipalKind.Role => subject.Roles.Contains(grant.Principal),
        DocumentPrincipalKind.User => Guid.TryParse(grant.Principal, out var user) && user == subject.UserId,
        DocumentPrincipalKind.Institution => Guid.TryParse(grant.Principal, out var institution) && institution == subject.InstitutionId,
        _ => false,
    };
}
