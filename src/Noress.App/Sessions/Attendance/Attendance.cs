namespace Noress.App.Sessions.Attendance;

/// <summary>An institution checked in at one convocation of a session; one row per institution and convocation.</summary>
public sealed class SessionAttendance
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SessionId { get; set; }

    public int Convocation { get; set; }

    public Guid InstitutionId { get; set; }

    /// <summary>The person who sits for the institution, when known.</summary>
    public Guid? PersonId { get; set; }

    public Guid? CheckedInById { get; set; }

    public DateTime CheckedInAt { get; set; }
}

/// <summary>An institution giving its vote to another for one session, validated by the secretariat.</summary>
public sealed class SessionProxy
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SessionId { get; set; }

    public Guid GrantorInstitutionId { get; set; }

    public Guid HolderInstitutionId { get; set; }

    /// <summary>What the mandate rests on: a note, a reference to the scanned letter.</summary>
    public string? Note { get; set; }

    public ProxyStatus Status { get; set; } = ProxyStatus.Pending;

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? ReviewedById { get; set; }

    public DateTime? ReviewedAt { get; set; }
}

public enum ProxyStatus
{
    Pending,
    Validated,
    Rejected,
}
