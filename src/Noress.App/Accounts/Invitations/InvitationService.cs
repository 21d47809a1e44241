using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.Shared.Email;
using Noress.App.Shared.Operations;

namespace Noress.App.Accounts.Invitations;

/// <summary>
/// Invites people into an institution with a role. Only the secretariat and administrators may
/// invite; the check is made here as well as on the page.
/// </summary>
public sealed partial class InvitationService(
    IDbContextFactory<NoressDbContext> dbFactory,
    IAuthorizationService authorization,
    IMailSender mailSender,
    AccountMails mails,
    IOptions<AccountOptions> options,
    TimeProvider clock,
    IStringLocalizer<AccountsText> text,
    ILogger<InvitationService> logger)
{
    public static readonly IReadOnlyList<string> Cultures = ["fr", "ar", "en"];

    public async Task<IReadOnlyList<InvitationRow>> ListAsync(ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        await DemandSecretariatAsync(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from invitation in db.Invitations.AsNoTracking()
                join institution in db.Institutions on invitation.InstitutionId equals institution.Id
                orderby invitation.CreatedAt descending
                select new { invitation, institution.Acronym })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.Select(r => new InvitationRow(
                r.invitation.Id, r.invitation.Email, r.invitation.FullName, r.Acronym, r.invitation.Role,
                r.invitation.CreatedAt, r.invitation.ExpiresAt, r.invitation.StatusAt(now)))
            .ToList();
    }

    public async Task<IReadOnlyList<InstitutionChoice>> InstitutionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Institutions.AsNoTracking()
            .OrderBy(i => i.Acronym)
            .Select(i => new InstitutionChoice(i.Id, i.Acronym, i.NameFr, i.NameAr))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Stores the invitation (only the token's hash) and e-mails the link in the invitee's language.</summary>
    public async Task<Outcome<Guid>> InviteAsync(ClaimsPrincipal actor, InvitationRequest request, string requestBaseUri, CancellationToken cancellationToken = default)
    {
        await DemandSecretariatAsync(actor);
        if (!InvitationRules.AssignableRoles(actor.IsInRole(Roles.Administrator)).Contains(request.Role))
        {
            throw new UnauthorizedAccessException($"Only administrators may invite with role {request.Role}.");
        }

        var validation = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), validation, validateAllProperties: true))
        {
            return new Refusal("Invitations.Invalid", validation[0].ErrorMessage ?? text["Invitations.Invalid"]);
        }

        if (!Cultures.Contains(request.Culture))
        {
            return new Refusal("Invitations.Invalid", text["Invitations.Invalid"]);
        }

        var email = request.Email.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.InstitutionId, cancellationToken);
        if (institution is null)
        {
            return new Refusal("Invitations.UnknownInstitution", text["Invitations.UnknownInstitution"]);
        }

        var normalizedEmail = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            return new Refusal("Invitations.EmailHasAccount", text["Invitations.EmailHasAccount"]);
        }

        if (await db.Invitations.AnyAsync(i => i.Email == email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken))
        {
            return new Refusal("Invitations.EmailAlreadyInvited", text["Invitations.EmailAlreadyInvited"]);
        }

        var token = InvitationToken.Create();
        var invitation = new Invitation
        {
            Email = email,
            FullName = request.FullName.Trim(),
            InstitutionId = institution.Id,
            Role = request.Role,
            Culture = request.Culture,
            TokenHash = InvitationToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + options.Value.InvitationLifetime,
            InvitedById = Guid.TryParse(actor.FindFirstValue(ClaimTypes.NameIdentifier), out var actorId) ? actorId : Guid.Empty,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);

        var link = AccountLinks.Build(options.Value.PublicBaseUrl, requestBaseUri, "Account/AcceptInvitation", new Dictionary<string, string?> { ["token"] = token });
        var institutionName = request.Culture == "ar" ? institution.NameAr : institution.NameFr;
        try
        {
            await mailSender.SendAsync(mails.Invitation(invitation.Id, invitation.Culture, email, invitation.FullName, institutionName, invitation.Role, invitation.ExpiresAt, link), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An invitation nobody received would block the address until it expires: take it back.
            LogMailFailed(logger, exception, invitation.Id);
            db.Invitations.Remove(invitation);
            await db.SaveChangesAsync(CancellationToken.None);
            return new Refusal("Invitations.MailFailed", text["Invitations.MailFailed"]);
        }

        LogInvited(logger, invitation.Id, institution.Id, invitation.Role, invitation.InvitedById);
        return Outcome<Guid>.Done(invitation.Id);
    }

    public async Task<Outcome<Guid>> RevokeAsync(ClaimsPrincipal actor, Guid invitationId, CancellationToken cancellationToken = default)
    {
        await DemandSecretariatAsync(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation is null || invitation.StatusAt(now) != InvitationStatus.Pending)
        {
            // Accepted, expired or revoked meanwhile.
            return new Refusal("Invitations.NotPending", text["Invitations.NotPending"]);
        }

        invitation.RevokedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        LogRevoked(logger, invitation.Id);
        return Outcome<Guid>.Done(invitation.Id);
    }

    private async Task DemandSecretariatAsync(ClaimsPrincipal actor)
    {
        if (!(await authorization.AuthorizeAsync(actor, Policies.Secretariat)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only the secretariat may manage invitations.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} into institution {InstitutionId} as {Role} sent by {InvitedById}")]
    private static partial void LogInvited(ILogger logger, Guid invitationId, Guid institutionId, string role, Guid invitedById);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} revoked")]
    private static partial void LogRevoked(ILogger logger, Guid invitationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invitation {InvitationId} could not be mailed and was withdrawn")]
    private static partial void LogMailFailed(ILogger logger, Exception exception, Guid invitationId);
}
