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
