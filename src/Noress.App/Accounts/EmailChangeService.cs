using System.Net.Mail;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;

using Noress.App.Shared.Operations;

namespace Noress.App.Accounts;

/// <summary>
/// Changing one's own sign-in address (ADR 0012): asked for with the current password, made only through
/// a link mailed to the new address (Identity's change-email token, bound to the security stamp), and
/// announced to the old address both when asked for and when done. All mail goes through the outbox.
/// </summary>
public sealed partial class EmailChangeService(
    UserManager<NoressUser> users,
    SignInManager<NoressUser> signInManager,
    NoressDbContext identityDb,
    IDbContextFactory<NoressDbContext> dbFactory,
    AccountMails mails,
    IOptions<AccountOptions> options,
    TimeProvider clock,
    IStringLocalizer<AccountsText> text,
    ILogger<EmailChangeService> logger)
{
    public const string ConfirmPath = "Account/ConfirmEmailChange";

    /// <summary>Checks the password and queues the confirmation link (new address) and a notice (old address); refused with a localized reason.</summary>
    public async Task<Outcome<Guid>> RequestAsync(ClaimsPrincipal principal, string currentPassword, string newEmail, string requestBaseUri, CancellationToken cancellationToken = default)
    {
        var user = await users.GetUserAsync(principal);
        if (user is not { IsActive: true, Email: not null })
        {
            return new Refusal("EmailChangeConfirm.InvalidLink", text["EmailChangeConfirm.InvalidLink"]);
        }

        newEmail = newEmail.Trim();
        if (newEmail.Length > 256 || !MailAddress.TryCreate(newEmail, out var parsed) || parsed.Address != newEmail)
        {
            return new Refusal("EmailChange.Invalid", text["EmailChange.Invalid"]);
        }

        if (string.Equals(users.NormalizeEmail(newEmail), user.NormalizedEmail, StringComparison.Ordinal))
        {
            return new Refusal("EmailChange.Same", text["EmailChange.Same"]);
        }

        // A stolen session is not enough: the password is asked again, and wrong guesses count towards lockout.
        var check = await signInManager.CheckPasswordSignInAsync(user, currentPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return new Refusal("EmailChange.LockedOut", text["EmailChange.LockedOut"]);
        }

        if (!check.Succeeded)
        {
            return new Refusal("EmailChange.WrongPassword", text["EmailChange.WrongPassword"]);
        }

        if (await users.FindByEmailAsync(newEmail) is not null || await users.FindByNameAsync(newEmail) is not null)
        {
            return new Refusal("EmailChange.Taken", text["EmailChange.Taken"]);
        }

        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var confirmLink = AccountLinks.Build(options.Value.PublicBaseUrl, requestBaseUri, ConfirmPath, new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["email"] = newEmail,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        var resetLink = AccountLinks.Build(options.Value.PublicBaseUrl, requestBaseUri, "Account/ForgotPassword", new Dictionary<string, string?>());

        var now = clock.GetUtcNow().UtcDateTime;
        var requestId = Guid.NewGuid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        OutboxMail.Add(db, mails.EmailChangeConfirmation(user.PreferredCulture, newEmail, user.FullName, confirmLink), IdempotencyKeys.ForAccountMail("email-confirm", requestId), user.PreferredCulture, NotificationCategories.Accounts, user.Id, now);
        OutboxMail.Add(db, mails.EmailChangeRequested(user.PreferredCulture, user.Email, user.FullName, newEmail, resetLink), IdempotencyKeys.ForAccountMail("email-requested", requestId), user.PreferredCulture, NotificationCategories.Accounts, user.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        LogRequested(logger, user.Id);
        return Outcome<Guid>.Done(user.Id);
    }

    /// <summary>
    /// Makes the change the link stands for: e-mail and user name together, a new security stamp (other
    /// sessions end within a minute) and the notice to the old address, in one transaction.
    /// </summary>
    public async Task<Outcome<NoressUser>> ConfirmAsync(string? userId, string? newEmail, string? code, CancellationToken cancellationToken = default)
    {
        var user = Guid.TryParse(userId, out _) ? await users.FindByIdAsync(userId!) : null;
        if (user is not { IsActive: true, Email: not null } || string.IsNullOrWhiteSpace(newEmail) || string.IsNullOrEmpty(code))
        {
            return new Refusal("EmailChangeConfirm.InvalidLink", text["EmailChangeConfirm.InvalidLink"]);
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return new Refusal("EmailChangeConfirm.InvalidLink", text["EmailChangeConfirm.InvalidLink"]);
        }

        var oldEmail = user.Email;
        // Identity's stores save through this scoped context: the transaction covers both updates and the notice.
        await using var transaction = await identityDb.Database.BeginTransactionAsync(cancellationToken);
        var changed = await users.ChangeEmailAsync(user, newEmail, token);
        if (!changed.Succeeded)
        {
            var refusal = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)) ? "EmailChange.Taken" : "EmailChangeConfirm.InvalidLink";
            return new Refusal(refusal, text[refusal]);
        }

        var renamed = await users.SetUserNameAsync(user, newEmail);
        if (!renamed.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new Refusal("EmailChange.Taken", text["EmailChange.Taken"]);
        }

        OutboxMail.Add(identityDb, mails.EmailChanged(user.PreferredCulture, oldEmail, user.FullName, newEmail), IdempotencyKeys.ForAccountMail("email-changed", Guid.NewGuid()), user.PreferredCulture, NotificationCategories.Accounts, user.Id, clock.GetUtcNow().UtcDateTime);
        await identityDb.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(logger, user.Id);
        return Outcome<NoressUser>.Done(user);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in address change requested by user {UserId}; confirmation queued")]
    private static partial void LogRequested(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in address of user {UserId} changed")]
    private static partial void LogChanged(ILogger logger, Guid userId);
}
