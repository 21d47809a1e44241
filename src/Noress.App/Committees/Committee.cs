using Noress.App.Data;

namespace Noress.App.Committees;

/// <summary>A thematic working committee designated in plenary.</summary>
public sealed class Committee : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Stable short code used in links, e.g. "financement".</summary>
    public required string Code { get; set; }

    public required string NameFr { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }
}
