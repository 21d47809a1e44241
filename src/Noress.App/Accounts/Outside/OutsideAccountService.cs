using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;

namespace Noress.App.Accounts.Outside;

/// <summary>
/// Self-registration of outside initiatives: the account (role <see cref="Roles.OutsideApplicant"/>, no institution),
/// its details, and the confirmation of its e-mail address (ADR 0038).
/// </summary>
// Identity's stores work on the request's scoped context; the account, its details and the queued mail are written
// through that same context inside one transaction, so a registration is stored whole or not at all.
public sealed partial class OutsideAccountService(
    UserManager<NoressUser> users,
    NoressDbContext db,
    IDbContextFactory<NoressDbContext> dbFactory,
    OutsideConfirmationLinks links,
    AccountMails mails,
    TimeProvider clock,
    IOptions<AccountOptions> options,
    IStringLocalizer<AccountsText> text,
    ILogger<OutsideAccountService> logger)
{
    private static readonly NoressUser Nobody = new() { FullName = string.Empty };

    /// <summary>
    /// Registers the initiative and queues the confirmation link. An address that already has an account gets the
    /// same answer (and a mail saying so to that address), so the form tells no one which addresses exist.
    /// </summary>
    public async Task<Outcome<bool>> RegisterAsync(OutsideRegistration input, string requestBaseUri, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (OutsideRegistrationRules.Validate(input) is [var first, ..])
        {
            return new Refusal(first.Code, text[first.Code]);
        }

        var culture = NoressCultures.Normalize(input.Culture);
        var email = input.Email.Trim();
        var candidate = new NoressUser
        {
            UserName = email,
            Email = email,
            FullName = input.ContactName.Trim(),
            InstitutionId = null,
            PreferredCulture = culture,
            IsActive = true,
            EmailConfirmed = false,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // The password's rules first: they say nothing about the address.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, candidate, input.Password);
            if (!check.Succeeded)
            {
                return new Refusal("Outside.PasswordRejected", string.Join(" ", check.Errors.Select(e => e.Description)));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // The same hashing work as a new account, so the time does not tell either.
            users.PasswordHasher.HashPassword(Nobody, input.Password);
            if (!existing.EmailConfirmed && await users.IsInRoleAsync(existing, Roles.OutsideApplicant))
            {
                // Registered before and lost the link: a fresh one.
                await ResendConfirmationAsync(existing, requestBaseUri, input.CallId, ct);
                return Outcome<bool>.Done(true);
            }

            await QueueAsync(mails.OutsideAlreadyRegistered(existing.PreferredCulture, existing.Email ?? email, existing.FullName, ResetLink(requestBaseUri)), "outside-exists", existing.Id, existing.PreferredCulture, now, ct);
            LogAlreadyRegistered(logger, existing.Id);
            return Outcome<bool>.Done(true);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(candidate, input.Password);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(ct);

            // Another registration took the address meanwhile: the same answer as above.
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return Outcome<bool>.Done(true);
            }

            return new Refusal("Outside.PasswordRejected", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var role = await users.AddToRoleAsync(candidate, Roles.OutsideApplicant);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException($"Could not give the outside applicant role: {string.Join("; ", role.Errors.Select(e => e.Description))}");
        }

        db.Add(new OutsideInitiative
        {
            UserId = candidate.Id,
            Name = input.InitiativeName.Trim(),
            LegalForm = input.LegalForm!.Value,
            City = input.City.Trim(),
            ConsentedAt = now,
            CreatedAt = now,
        });
        AddConfirmationMail(candidate, requestBaseUri, now, input.CallId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogRegistered(logger, candidate.Id);
        return Outcome<bool>.Done(true);
    }

    /// <summary>Confirms the address from the mailed link; a confirmed account may then sign in.</summary>
    public async Task<Outcome<Guid>> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        var read = links.Read(token);
        if (read.State == ConfirmationTokenState.Invalid)
        {
            return new Refusal("Outside.LinkInvalid", text["Outside.LinkInvalid"]);
        }

        var user = await users.FindByIdAsync(read.UserId.ToString());
        if (user is not { IsActive: true } || user.NormalizedEmail != read.NormalizedEmail || !await users.IsInRoleAsync(user, Roles.OutsideApplicant))
        {
            return new Refusal("Outside.LinkInvalid", text["Outside.LinkInvalid"]);
        }

        if (user.EmailConfirmed)
        {
            // A second click (or a mail scanner's) changes nothing.
            return Outcome<Guid>.Done(user.Id);
        }

        if (read.State == ConfirmationTokenState.Expired)
        {
            return new Refusal("Outside.LinkExpired", text["Outside.LinkExpired"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.EmailConfirmed = true;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return new Refusal("Outside.LinkInvalid", text["Outside.LinkInvalid"]);
        }

        var initiative = await db.Set<OutsideInitiative>().SingleAsync(i => i.UserId == user.Id, ct);
        initiative.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogConfirmed(logger, user.Id);
        return Outcome<Guid>.Done(user.Id);
    }

    /// <summary>Sends a new link to an unconfirmed outside account that proved its password (the sign-in page calls this).</summary>
    public Task ResendConfirmationAsync(NoressUser user, string requestBaseUri, CancellationToken ct = default) =>
        ResendConfirmationAsync(user, requestBaseUri, null, ct);

    private async Task ResendConfirmationAsync(NoressUser user, string requestBaseUri, Guid? callId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.EmailConfirmed || !user.IsActive || user.Email is null || !await users.IsInRoleAsync(user, Roles.OutsideApplicant))
        {
            return;
        }

        AddConfirmationMail(user, requestBaseUri, clock.GetUtcNow().UtcDateTime, callId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The signed-in outside account's own details; null for anyone else.</summary>
    public async Task<OutsideProfile?> ProfileAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!principal.IsInRole(Roles.OutsideApplicant) || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        await using var context = await dbFactory.CreateDbContextAsync(ct);
        return await (from user in context.Users.AsNoTracking()
                      join initiative in context.Set<OutsideInitiative>().AsNoTracking() on user.Id equals initiative.UserId
                      where user.Id == userId && user.IsActive && user.InstitutionId == null
                      select new OutsideProfile(user.Id, initiative.Name, initiative.LegalForm, initiative.City, user.FullName, user.Email ?? string.Empty, initiative.CreatedAt, initiative.ConfirmedAt))
            .SingleOrDefaultAsync(ct);
    }

    private void AddConfirmationMail(NoressUser user, string requestBaseUri, DateTime now, Guid? callId = null)
    {
        // The call the initiative came from rides along (not sealed: it only chooses where the sign-in leads).
        var link = AccountLinks.Build(options.Value.PublicBaseUrl, requestBaseUri, OutsideConfirmationLinks.Path, new Dictionary<string, string?>
        {
            ["token"] = links.Issue(user.Id, user.NormalizedEmail ?? users.NormalizeEmail(user.Email) ?? string.Empty),
            ["call"] = callId?.ToString("N"),
        });
        var mail = mails.OutsideConfirmation(user.PreferredCulture, user.Email!, user.FullName, now + OutsideConfirmationLinks.Lifetime, link);
        OutboxMail.Add(db, mail, IdempotencyKeys.ForAccountMail("outside-confirm", Guid.NewGuid()), user.PreferredCulture, NotificationCategories.Accounts, user.Id, now);
    }

    private async Task QueueAsync(Shared.Email.OutgoingMail mail, string kind, Guid userId, string culture, DateTime now, CancellationToken ct)
    {
        await using var context = await dbFactory.CreateDbContextAsync(ct);
        OutboxMail.Add(context, mail, IdempotencyKeys.ForAccountMail(kind, Guid.NewGuid()), culture, NotificationCategories.Accounts, userId, now);
        await context.SaveChangesAsync(ct);
    }

    private string ResetLink(string requestBaseUri) =>
        AccountLinks.Build(options.Value.PublicBaseUrl, requestBaseUri, "Account/ForgotPassword", new Dictionary<string, string?>());

    [LoggerMessage(Level = LogLevel.Information, Message = "Outside initiative registered as user {UserId}; confirmation link queued")]
    private static partial void LogRegistered(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration attempted with the address of user {UserId}; a notice was queued to that address")]
    private static partial void LogAlreadyRegistered(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outside initiative user {UserId} confirmed its address")]
    private static partial void LogConfirmed(ILogger logger, Guid userId);
}

/// <summary>An outside account's details as its own area shows them.</summary>
public sealed record OutsideProfile(Guid UserId, string InitiativeName, InitiativeLegalForm LegalForm, string City, string ContactName, string Email, DateTime RegisteredAt, DateTime? ConfirmedAt);
