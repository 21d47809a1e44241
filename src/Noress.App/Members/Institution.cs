using Noress.App.Data;

namespace Noress.App.Members;

/// <summary>A member institution of the network (one vote in plenary unless the rules say otherwise).</summary>
public sealed class Institution : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Unique short name, e.g. ODCO.</summary>
    public required string Acronym { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public InstitutionCategory Category { get; set; }

    public string? City { get; set; }

    /// <summary>UTC date the institution joined the network.</summary>
    public DateTime? MemberSince { get; set; }

    /// <summary>Seeded demonstration data, never real members.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }
}
