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

/// <summary>Password reset by e-mailed link; deactivated accounts cannot reset.</summary>
public sealed partial class PasswordResetService(
    UserManager<NoressUser> users,
    IDbContextFactory<NoressDbContext> dbFactory,
    TimeProvider clock,
    AccountMails mails,
    IOptions<AccountOptions> options,
    IStringLocalizer<AccountsText> text,
    ILogger<PasswordResetService> logger)
{
    /// <summary>
    /// Queues a reset link in the outbox when the address belongs to an active account; says nothing either
    /// way. The mail is not sent inline, so a slow mail server neither delays nor reveals the answer.
    /// </summary>
    public async Task RequestAsync(string email, string requestBaseUri, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not { IsActive: true } || user.Email is null)
        {
            LogNoResetForUnknown(logger);
            return;
        }

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = AccountLinks.Build(options.Value.PublicBaseUrl, requestBaseUri, "Account/ResetPassword", new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["code"] = code,
        });
        var mail = mails.PasswordReset(user.PreferredCulture, user.Email, user.FullName, link);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        OutboxMail.Add(db, mail, IdempotencyKeys.ForAccountMail("reset", Guid.NewGuid()), user.PreferredCulture, NotificationCategories.Accounts, user.Id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        LogResetMailed(logger, user.Id);
    }

    /// <summary>Sets the new password; refused with a localized reason when the link or the password is not accepted.</summary>
    public async Task<Outcome<Guid>> ResetAsync(string? userId, string? code, string password, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var invalidLink = new Refusal("ResetPassword.InvalidLink", text["ResetPassword.InvalidLink"]);
        var user = Guid.TryParse(userId, out _) ? await users.FindByIdAsync(userId!) : null;
        if (user is not { IsActive: true } || string.IsNullOrEmpty(code))
        {
            return invalidLink;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return invalidLink;
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            // Identity's own messages (password rules) are already localized by LocalizedIdentityErrorDescriber.
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? invalidLink
                : new Refusal("ResetPassword.Rejected", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        // A reset proves control of the mailbox: clear a lockout left by the forgotten password.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        LogReset(logger, user.Id);
        return Outcome<Guid>.Done(user.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset requested for an unknown or deactivated address; nothing sent")]
    private static partial void LogNoResetForUnknown(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset link queued for user {UserId}")]
    private static partial void LogResetMailed(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset for user {UserId}")]
    private static partial void LogReset(ILogger logger, Guid userId);
}
