using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Noress.App.Shared.Email;

/// <summary>Delivers mail over SMTP with MailKit, or drops it as .eml files into a pickup directory.</summary>
public sealed partial class MailKitMailSender(
    IOptions<EmailOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<MailKitMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var message = BuildMessage(settings, mail, clock.GetUtcNow());

        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            var directory = Path.GetFullPath(settings.PickupDirectory, environment.ContentRootPath);
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, $"{clock.GetUtcNow():yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            LogWrittenToPickup(logger, mail.Subject, file);
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new InvalidOperationException("Email:Host or Email:PickupDirectory must be configured to send mail.");
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(logger, mail.Subject, settings.Host);
    }

    internal static MimeMessage BuildMessage(EmailOptions settings, OutgoingMail mail, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            // Subjects and names carry people's text (a document title, a name): no bidirectional controls in headers.
            Subject = Localization.PeopleText.Plain(mail.Subject),
            Date = now,
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(Localization.PeopleText.Plain(mail.ToName), mail.ToAddress));
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments ?? [])
        {
            // Base64 keeps the bytes exact: text parts would otherwise get the platform's line endings, and .ics requires CRLF.
            var part = (MimePart)body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
            part.ContentTransferEncoding = ContentEncoding.Base64;
        }

        message.Body = body.ToMessageBody();
        DeclareTextEncodings(message);
        return message;
    }

    /// <summary>
    /// Every text part says how it is encoded: UTF-8 bodies are 8-bit, which a pickup file or a 7-bit relay would carry undeclared.
    /// MimeKit picks base64 for mostly non-ASCII text (Arabic) and quoted-printable otherwise; attachments keep the encoding set above.
    /// </summary>
    private static void DeclareTextEncodings(MimeMessage message)
    {
        foreach (var part in message.BodyParts.OfType<TextPart>().Where(p => p.ContentTransferEncoding == ContentEncoding.Default))
        {
            var best = part.GetBestEncoding(EncodingConstraint.SevenBit);
            part.ContentTransferEncoding = best == ContentEncoding.Base64 ? ContentEncoding.Base64 : ContentEncoding.QuotedPrintable;
        }
    }

    // Recipients' addresses are personal data: logs name the subject and destination only.
    [LoggerMessage(Level = LogLevel.Information, Message = "Mail \"{Subject}\" written to pickup file {File}")]
    private static partial void LogWrittenToPickup(ILogger logger, string subject, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail \"{Subject}\" sent through {Host}")]
    private static partial void LogSent(ILogger logger, string subject, string host);
}
