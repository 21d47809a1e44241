using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Noress.App.Notifications.Outbox;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Notifications;

public sealed class OutboxAttachmentTests
{
    [Fact]
    public async Task ProcessDueAsync_MessageWithAttachment_SendsTheFileWithTheMail()
    {
        await using var factory = new NoressAppFactory();
        var address = $"{Guid.NewGuid():N}@example.org";
        var content = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//NORESS//Test//FR\r\nEND:VCALENDAR\r\n");
        await factory.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = $"test:{Guid.NewGuid():N}",
                ToAddress = address,
                ToName = "Sam",
                Culture = "fr",
                Category = "accounts",
                Subject = "Avec pièce jointe",
                HtmlBody = "<p>Bonjour</p>",
                TextBody = "Bonjour",
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow.AddMinutes(-1),
                Attachments = [new OutboxAttachment { FileName = "event.ics", ContentType = "text/calendar; method=PUBLISH", Content = content }],
            });
            return await db.SaveChangesAsync();
        });

        await factory.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();

        var message = Assert.Single(factory.MessagesTo(address));
        var part = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("event.ics", part.FileName);
        Assert.True(part.ContentType.IsMimeType("text", "calendar"));
        using var decoded = new MemoryStream();
        await part.Content!.DecodeToAsync(decoded);
        Assert.Equal(content, decoded.ToArray());
    }
}
