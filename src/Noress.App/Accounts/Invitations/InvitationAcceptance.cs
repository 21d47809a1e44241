using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Shared.Localization;

using Noress.App.Shared.Operations;

namespace Noress.App.Accounts.Invitations;

/// <summary>
/// Turns an invitation link into an account: the user, the roles and the used mark are written in
/// one transaction, so a link works exactly once.
/// </summary>
public sealed partial class InvitationAcceptance(
    NoressDbContext db,
    UserManager<NoressUser> users,
    TimeProvider clock,
    IStringLocalizer<AccountsText> text,
    ILogger<InvitationAcceptance> logger)
{
    /// <summary>The invitation behind a link, or null when the link matches none.</summary>
    public async Task<InvitationLookup?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var hash = InvitationToken.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is null
            ? null
            : new InvitationLookup(invitation.Email, invitation.FullName, invitation.StatusAt(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The message for a link that cannot be used (any status but pending).</summary>
    public string Explain(InvitationLookup? lookup) => lookup?.Status switch
    {
        InvitationStatus.Accepted => text["AcceptInvitation.Used"],
        InvitationStatus.Revoked => text["AcceptInvitation.Revoked"],
        InvitationStatus.Expired => text["AcceptInvitation.Expired"],
        _ => text["AcceptInvitation.Invalid"],
    };

    public async Task<Outcome<NoressUser>> AcceptAsync(string? token, AcceptInvitationInput input, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new Refusal("AcceptInvitation.Unusable", Explain(null));
        }

        var hash = InvitationToken.Hash(token);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (invitation is null || invitation.StatusAt(now) != InvitationStatus.Pending)
            {
                return new Refusal("AcceptInvitation.Unusable", Explain(invitation is null ? null : new InvitationLookup(invitation.Email, invitation.FullName, invitation.StatusAt(now))));
            }

            var user = new NoressUser
            {
                UserName = invitation.Email,
                Email = invitation.Email,
                // The link reached this mailbox, which confirms the address.
                EmailConfirmed = true,
                FullName = input.FullName.Trim(),
                FullNameAr = string.IsNullOrWhiteSpace(input.FullNameAr) ? null : input.FullNameAr.Trim(),
                InstitutionId = invitation.InstitutionId,
                PreferredCulture = invitation.Culture,
                CreatedAt = now,
            };

            try
            {
                var created = await users.CreateAsync(user, input.Password);
                if (!created.Succeeded)
                {
                    return new Refusal("AcceptInvitation.AccountRefused", string.Join(" ", created.Errors.Select(e => e.Description)));
                }

                var roles = await users.AddToRolesAsync(user, InvitationRules.RolesGranted(invitation.Role));
                if (!roles.Succeeded)
                {
                    return new Refusal("AcceptInvitation.AccountRefused", string.Join(" ", roles.Errors.Select(e => e.Description)));
                }

                invitation.AcceptedAt = now;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException exception)
            {
                // Another request accepted the same link first (concurrency token or unique user name).
                LogAcceptConflict(logger, exception, invitation.Id);
                return new Refusal("AcceptInvitation.Used", text["AcceptInvitation.Used"]);
            }

            LogAccepted(logger, invitation.Id, user.Id);
            return Outcome<NoressUser>.Done(user);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} accepted: user {UserId} created")]
    private static partial void LogAccepted(ILogger logger, Guid invitationId, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation {InvitationId} was accepted concurrently; this attempt was rolled back")]
    private static partial void LogAcceptConflict(ILogger logger, Exception exception, Guid invitationId);
}

public sealed record InvitationLookup(string Email, string FullName, InvitationStatus Status);

public sealed class AcceptInvitationInput
{
    [Required(ErrorMessageResourceName = nameof(ValidationMessages.Required), ErrorMessageResourceType = typeof(ValidationMessages))]
    [StringLength(200, MinimumLength = 2, ErrorMessageResourceName = nameof(ValidationMessages.StringLength), ErrorMessageResourceType = typeof(ValidationMessages))]
    public string FullName { get; set; } = string.Empty;

    [StringLength(200, ErrorMessageResourceName = nameof(ValidationMessages.StringLength), ErrorMessageResourceType = typeof(ValidationMessages))]
    public string? FullNameAr { get; set; }

    [Required(ErrorMessageResourceName = nameof(ValidationMessages.Required), ErrorMessageResourceType = typeof(ValidationMessages))]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Compare(nameof(Password), ErrorMessageResourceName = nameof(ValidationMessages.PasswordsDiffer), ErrorMessageResourceType = typeof(ValidationMessages))]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;
}
