namespace Noress.App.Shared.Email;

/// <summary>One message to one person, already written in that person's language.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody, IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>A file sent with a mail, such as an .ics event; <paramref name="ContentType"/> may carry parameters (<c>text/calendar; method=PUBLISH</c>).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
