using System.ComponentModel.DataAnnotations;
using Noress.App.Shared.Localization;

namespace Noress.App.Accounts.Invitations;

/// <summary>What the secretariat fills in to invite someone.</summary>
public sealed class InvitationRequest
{
    [Required(ErrorMessageResourceName = nameof(ValidationMessages.Required), ErrorMessageResourceType = typeof(ValidationMessages))]
    [EmailAddress(ErrorMessageResourceName = nameof(ValidationMessages.Email), ErrorMessageResourceType = typeof(ValidationMessages))]
    [StringLength(256, ErrorMessageResourceName = nameof(ValidationMessages.StringLength), ErrorMessageResourceType = typeof(ValidationMessages))]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessageResourceName = nameof(ValidationMessages.Required), ErrorMessageResourceType = typeof(ValidationMessages))]
    [StringLength(200, MinimumLength = 2, ErrorMessageResourceName = nameof(ValidationMessages.StringLength), ErrorMessageResourceType = typeof(ValidationMessages))]
    public string FullName { get; set; } = string.Empty;

    [Required(ErrorMessageResourceName = nameof(ValidationMessages.Required), ErrorMessageResourceType = typeof(ValidationMessages))]
    public Guid? InstitutionId { get; set; }

    [Required(ErrorMessageResourceName = nameof(ValidationMessages.Required), ErrorMessageResourceType = typeof(ValidationMessages))]
    public string Role { get; set; } = Roles.Member;

    [Required(ErrorMessageResourceName = nameof(ValidationMessages.Required), ErrorMessageResourceType = typeof(ValidationMessages))]
    public string Culture { get; set; } = "fr";
}

/// <summary>One line of the invitations list.</summary>
public sealed record InvitationRow(
    Guid Id,
    string Email,
    string FullName,
    string InstitutionAcronym,
    string Role,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    InvitationStatus Status);

public sealed record InstitutionChoice(Guid Id, string Acronym, string NameFr, string NameAr);
