using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Noress.App.Accounts;
using Noress.App.Shared.Email;

namespace Noress.Tests.Shared.Email;

public sealed class MailKitMailSenderTests : IDisposable
{
    private readonly string pickup = Path.Combine(Path.GetTempPath(), $"noress-pickup-{Guid.NewGuid():N}");

    private readonly AccountMails mails = new(new ServiceCollection()
        .AddLogging()
        .AddLocalization()
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<AccountsText>>());

    [Fact]
    public async Task SendAsync_InvitationToPickupFolder_WritesAnIcsPartAtTheExpiry()
    {
        var expires = new DateTime(2026, 12, 4, 9, 30, 0, DateTimeKind.Utc);
        var invitationId = Guid.NewGuid();
        var mail = mails.Invitation(invitationId, "en", "invitee@example.org", "Sam", "ODCO", Roles.Member, expires, "https://noress.ma/Account/AcceptInvitation?token=t");
        var sender = new MailKitMailSender(Options.Create(new EmailOptions { PickupDirectory = pickup }), new Environment(), TimeProvider.System, NullLogger<MailKitMailSender>.Instance);

        await sender.SendAsync(mail);

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(pickup, "*.eml")));
        var part = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("invitation.ics", part.FileName);
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()));
        Assert.NotNull(calendar);
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("Your NORESS invitation link expires", calendarEvent.Summary);
        Assert.Equal($"invitation.{invitationId:N}@noress", calendarEvent.Uid);
        Assert.Equal(expires, calendarEvent.DtEnd!.AsUtc);
        Assert.DoesNotContain("token=", calendarEvent.Description ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task SendAsync_ToPickupFolder_EveryTextPartDeclaresItsTransferEncoding(string culture)
    {
        var sender = new MailKitMailSender(Options.Create(new EmailOptions { PickupDirectory = pickup }), new Environment(), TimeProvider.System, NullLogger<MailKitMailSender>.Instance);
        var invitation = mails.Invitation(Guid.NewGuid(), culture, "invitee@example.org", "سامية", "ODCO", Roles.Member, DateTime.UtcNow.AddDays(7), "https://noress.ma/Account/AcceptInvitation?token=t");
        var reset = mails.PasswordReset(culture, "someone@example.org", "Élodie", "https://noress.ma/Account/ResetPassword?token=t");

        await sender.SendAsync(invitation);
        await sender.SendAsync(reset);

        var files = Directory.GetFiles(pickup, "*.eml");
        Assert.Equal(2, files.Length);
        foreach (var file in files)
        {
            // The raw headers, not MimeKit's default: a reader sees only what is written.
            var raw = await File.ReadAllTextAsync(file);
            var message = await MimeMessage.LoadAsync(file);
            var textParts = message.BodyParts.OfType<TextPart>().ToList();
            Assert.Contains(textParts, p => p.IsPlain);
            Assert.Contains(textParts, p => p.IsHtml);
            Assert.All(textParts, part => Assert.Contains(part.ContentTransferEncoding, new[] { ContentEncoding.QuotedPrintable, ContentEncoding.Base64 }));
            Assert.All(textParts, part => Assert.True(part.Headers.Contains(HeaderId.ContentTransferEncoding)));
            Assert.Equal(textParts.Count, System.Text.RegularExpressions.Regex.Count(raw, "^Content-Transfer-Encoding: (quoted-printable|base64)\\r?$", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase));
            Assert.All(raw.Split('\n'), line => Assert.True(line.All(c => c < 128), $"8-bit line: {line}"));
            var plain = textParts.Single(p => p.IsPlain).Text;
            Assert.True(plain.Contains("سامية", StringComparison.Ordinal) || plain.Contains("Élodie", StringComparison.Ordinal), plain);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(pickup))
        {
            Directory.Delete(pickup, recursive: true);
        }
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "Noress.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
