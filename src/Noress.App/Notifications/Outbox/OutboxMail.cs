using Noress.App.Data;
using Noress.App.Shared.Email;

namespace Noress.App.Notifications.Outbox;

/// <summary>Queues an already written mail in the outbox, as part of the caller's own save.</summary>
public static class OutboxMail
{
    /// <summary>Adds <paramref name="mail"/> to <paramref name="db"/> without saving, so it commits or rolls back with the caller's change.</summary>
    public static OutboxMessage Add(NoressDbContext db, OutgoingMail mail, string idempotencyKey, string culture, string category, Guid? userId, DateTime nowUtc)
    {
        var message = new OutboxMessage
        {
            IdempotencyKey = idempotencyKey,
            UserId = userId,
            ToAddress = mail.ToAddress,
            ToName = mail.ToName,
            Culture = culture,
            Category = category,
            Subject = mail.Subject,
            HtmlBody = mail.HtmlBody,
            TextBody = mail.TextBody,
            CreatedAt = nowUtc,
            NextAttemptAt = nowUtc,
            Attachments = [.. (mail.Attachments ?? []).Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content })],
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
