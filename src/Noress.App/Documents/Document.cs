using Noress.App.Audit;
using Noress.App.Data;

namespace Noress.App.Documents;

/// <summary>Where a document lives; its rights come from the space.</summary>
public enum DocumentSpaceKind
{
    Platform,
    Institution,
    Committee,
    Session,
    CallApplication,

    /// <summary>A call's own documents (its jury's minutes): the secretariat edits; others only through a grant.</summary>
    Call,
}

/// <summary>What a person may do in a document; ordered, each right includes the ones before it.</summary>
public enum DocumentRight
{
    None,
    Read,
    Comment,
    Suggest,
    Edit,
}

/// <summary>A co-edited markdown document. Its text and version live in <see cref="DocumentAuthority"/>.</summary>
public sealed class Document : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Title { get; set; }

    public DocumentSpaceKind SpaceKind { get; set; }

    /// <summary>The institution, committee, session or application; null for the platform space.</summary>
    public Guid? SpaceId { get; set; }

    /// <summary>
    /// The version at the latest snapshot, written by the authority only (with a bulk update, so it never races
    /// the concurrency token); the append-only <see cref="DocumentUpdate"/> rows are the truth.
    /// </summary>
    public int CurrentVersion { get; set; }

    public Guid CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the document became a record (approved minutes): from then on everyone may only read it.</summary>
    public DateTime? FrozenAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>One accepted update; the unique (DocumentId, Version) key decides which of two racing pushes won.</summary>
public sealed class DocumentUpdate : IAuditExempt
{
    public Guid DocumentId { get; set; }

    /// <summary>The version the update produced (1 for the first update).</summary>
    public int Version { get; set; }

    public required string ClientId { get; set; }

    public Guid UserId { get; set; }

    public DateTime At { get; set; }

    /// <summary>CodeMirror ChangeSet JSON.</summary>
    public required string ChangesJson { get; set; }
}

/// <summary>The full text at a version, so loading reads one snapshot and the updates after it.</summary>
public sealed class DocumentSnapshot : IAuditExempt
{
    public Guid DocumentId { get; set; }

    public int Version { get; set; }

    public required string Text { get; set; }
}

public enum DocumentPrincipalKind
{
    Role,
    User,
    Institution,
}

/// <summary>
/// An explicit grant on one document (DocumentId set) or on a whole space (SpaceKind and SpaceId set);
/// it raises the default rights of the space, never lowers them.
/// </summary>
public sealed class DocumentPermission
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid? DocumentId { get; set; }

    public DocumentSpaceKind? SpaceKind { get; set; }

    public Guid? SpaceId { get; set; }

    public DocumentPrincipalKind PrincipalKind { get; set; }

    /// <summary>A role name, or a user or institution id.</summary>
    public required string Principal { get; set; }

    public DocumentRight Right { get; set; }
}

/// <summary>A named version ("sent to the plenary") that other features point to; the hash proves the text is frozen.</summary>
public sealed class DocumentLabel
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid DocumentId { get; set; }

    public int DocumentVersion { get; set; }

    public required string Label { get; set; }

    /// <summary>SHA-256 of the UTF-8 text at <see cref="DocumentVersion"/>, hex.</summary>
    public required string TextHash { get; set; }

    public Guid CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A comment thread anchored to From..To in the text at <see cref="AnchorVersion"/>; readers map the anchor
/// through every later update (and store the result), so the range follows the edits.
/// </summary>
public sealed class CommentThread : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid DocumentId { get; set; }

    public int AnchorVersion { get; set; }

    public int From { get; set; }

    public int To { get; set; }

    public bool IsResolved { get; set; }

    public Guid CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? ResolvedById { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public List<Comment> Comments { get; set; } = [];

    public Guid Version { get; set; }
}

public sealed class Comment
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ThreadId { get; set; }

    public Guid AuthorId { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum SuggestionStatus
{
    Pending,
    Accepted,
    Rejected,

    /// <summary>Later edits changed the text the suggestion replaces; it can no longer be applied.</summary>
    Conflicted,
}

/// <summary>A proposed change made on <see cref="BaseVersion"/>; accepting applies it as a normal update by the acceptor.</summary>
public sealed class Suggestion : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid DocumentId { get; set; }

    public int BaseVersion { get; set; }

    public required string ChangesJson { get; set; }

    public Guid AuthorId { get; set; }

    public DateTime CreatedAt { get; set; }

    public SuggestionStatus Status { get; set; }

    public Guid? DecidedById { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>The document version the accepted suggestion produced.</summary>
    public int? AppliedVersion { get; set; }

    public Guid Version { get; set; }
}
