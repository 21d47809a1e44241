using Noress.App.Data;

namespace Noress.App.Accounts;

/// <summary>
/// An invitation sent by the secretariat: the link carries a random token whose SHA-256 hash
/// alone is stored, works once and expires.
/// </summary>
public sealed class Invitation : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Email { get; set; }

    public required string FullName { get; set; }

    public Guid InstitutionId { get; set; }

    public required string Role { get; set; }

    public string Culture { get; set; } = "fr";

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public Guid InvitedById { get; set; }

    public Guid Version { get; set; }
}
