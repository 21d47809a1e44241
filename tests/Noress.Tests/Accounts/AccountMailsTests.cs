using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Accounts;

namespace Noress.Tests.Accounts;

public sealed class AccountMailsTests
{
    private readonly AccountMails mails = new(new ServiceCollection()
        .AddLogging()
        .AddLocalization()
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<AccountsText>>());

    [Fact]
    public void PasswordReset_French_IsLeftToRightWithTheLinkInBothParts()
    {
        var mail = mails.PasswordReset("fr", "a@b.ma", "Nadia", "https://noress.ma/Account/ResetPassword?userId=1&code=x");

        Assert.Contains("mot de passe", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("dir=\"ltr\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://noress.ma/Account/ResetPassword?userId=1&amp;code=x", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://noress.ma/Account/ResetPassword?userId=1&code=x", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Nadia", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_Arabic_IsRightToLeftAndInArabic()
    {
        var mail = mails.Invitation(Guid.NewGuid(), "ar-MA", "a@b.ma", "نادية", "جمعية", Roles.Member, new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc), "https://noress.ma/Account/AcceptInvitation?token=t");

        Assert.Contains("dir=\"rtl\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("دعوة", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("عضو", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_English_LeavesTheCallersCultureUnchanged()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;

        var mail = mails.Invitation(Guid.NewGuid(), "en", "a@b.ma", "Sam", "ODCO", Roles.Secretariat, DateTime.UtcNow, "https://x/");

        Assert.Equal("Invitation to join the NORESS platform", mail.Subject);
        Assert.Equal(before, System.Globalization.CultureInfo.CurrentUICulture);
    }

    [Fact]
    public void Compose_EncodesNamesInHtml()
    {
        var mail = mails.PasswordReset("fr", "a@b.ma", "<script>", "https://x/");

        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailChanged_NameWithBidiControls_ReachesTheMailWithoutThem()
    {
        var mail = mails.EmailChanged("fr", "old@b.ma", "Nadia\u202Egnp.exe", "new@b.ma");

        Assert.DoesNotContain('\u202E', mail.TextBody);
        Assert.DoesNotContain('\u202E', mail.HtmlBody);
        Assert.Contains("new@b.ma", mail.TextBody, StringComparison.Ordinal);
    }
}
