using Microsoft.AspNetCore.Identity;
using Noress.App.Members;

namespace Noress.App.Accounts;

/// <summary>
/// A person with an account. Every member person belongs to exactly one member institution; an outside
/// initiative's account (<see cref="Roles.OutsideApplicant"/>) belongs to none (ADR 0038).
/// </summary>
public sealed class NoressUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }

    /// <summary>The name in Arabic script, when the person gave it.</summary>
    public string? FullNameAr { get; set; }

    /// <summary>Function or title within the institution, e.g. "Directrice régionale".</summary>
    public string? JobTitle { get; set; }

    /// <summary>The member institution; null only for outside initiatives' accounts.</summary>
    public Guid? InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    /// <summary>Preferred UI culture name: fr, ar or en.</summary>
    public string PreferredCulture { get; set; } = "fr";

    /// <summary>A deactivated person cannot sign in and loses live sessions at once.</summary>
    public bool IsActive { get; set; } = true;

    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }
}
