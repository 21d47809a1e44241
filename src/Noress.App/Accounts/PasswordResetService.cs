using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Shared.Email;

namespace Noress.App.Accounts;

/// <summary>Password reset by e-mailed link; deactivated accounts cannot reset.</summary>
public sealed partial class PasswordResetService(
    UserManager<NoressUser> users,
    IMailSender mailSender,
    AccountMails mails,
    IOptions<AccountOptions> options,
    IStringLocalizer<AccountsText> text,
    ILogger<PasswordResetService> logger)
{
    /// <summary>Mails a reset link when the address belongs to an active account; says nothing either way.</summary>
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
        await mailSender.SendAsync(mails.PasswordReset(user.PreferredCulture, user.Email, user.FullName, link), cancellationToken);
        LogResetMailed(logger, user.Id);
    }

    /// <summary>Sets the new password; the error, if any, is localized.</summary>
    public async Task<string?> ResetAsync(string? userId, string? code, string password)
    {
        var user = Guid.TryParse(userId, out _) ? await users.FindByIdAsync(userId!) : null;
        if (user is not { IsActive: true } || string.IsNullOrEmpty(code))
        {
            return text["ResetPassword.InvalidLink"];
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return text["ResetPassword.InvalidLink"];
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? text["ResetPassword.InvalidLink"]
                : string.Join(" ", result.Errors.Select(e => e.Description));
        }

        // A reset proves control of the mailbox: clear a lockout left by the forgotten password.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        LogReset(logger, user.Id);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset requested for an unknown or deactivated address; nothing sent")]
    private static partial void LogNoResetForUnknown(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset link mailed to user {UserId}")]
    private static partial void LogResetMailed(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset for user {UserId}")]
    private static partial void LogReset(ILogger logger, Guid userId);
}
