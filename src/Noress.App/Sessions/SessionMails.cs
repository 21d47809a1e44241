using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Noress.App.Accounts;
using Noress.App.Calendar.Feed;
using Noress.App.Notifications;
using Noress.App.Shared.Email;
using Noress.App.Shared.Localization;

namespace Noress.App.Sessions;

/// <summary>Why a convocation mail is sent: the first notice, an update (moved, second convocation) or the cancellation.</summary>
public enum ConvocationKind
{
    Notice,
    Update,
    SecondConvocation,
    Cancellation,
}

/// <summary>Writes the convocation mails, in the recipient's language, each with its .ics invitation.</summary>
public sealed class SessionMails(IStringLocalizer<SessionsText> text, IOptions<AccountOptions> accountOptions, IOptions<EmailOptions> emailOptions)
{
    public OutgoingMail Convocation(string culture, string toAddress, string toName, Session session, IReadOnlyList<AgendaItem> agenda, ConvocationKind kind, DateTime nowUtc) =>
        NotificationMails.InCulture(culture, () =>
        {
            var when = NoressFormat.DateTime(session.StartsAt);
            var title = PeopleText.Plain(session.Title);
            var subject = PeopleText.Plain(text[$"Mail.{kind}.Subject", title, when]);
            var paragraphs = new List<string>
            {
                text["Mail.Greeting", PeopleText.Plain(toName)],
                text[$"Mail.{kind}.Body", title, when, PeopleText.Plain(session.Place ?? string.Empty)],
            };
            var link = Absolute($"/sessions/{session.Id:N}");
            var html = new StringBuilder();
            var plain = new StringBuilder();
            var direction = NoressCultures.IsRightToLeft(CultureInfo.CurrentUICulture) ? "rtl" : "ltr";
            html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\" dir=\"{direction}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head>");
            html.Append(CultureInfo.InvariantCulture, $"<body style=\"font-family:Arial,sans-serif;direction:{direction};color:#222\">");
            foreach (var paragraph in paragraphs)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(paragraph)}</p>");
                plain.AppendLine(paragraph).AppendLine();
            }

            if (kind != ConvocationKind.Cancellation && agenda.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{Encode(text["Mail.Agenda"])}</h3><ol>");
                plain.AppendLine(text["Mail.Agenda"]);
                foreach (var (item, index) in agenda.Select((a, i) => (a, i + 1)))
                {
                    var line = text["Mail.AgendaItem", PeopleText.Plain(item.Title), text[$"Agenda.Kind.{item.Kind}"], NoressFormat.Number(item.EstimatedMinutes)];
                    html.Append(CultureInfo.InvariantCulture, $"<li>{Encode(line)}</li>");
                    plain.AppendLine(CultureInfo.InvariantCulture, $"{index}. {line}");
                }

                html.Append("</ol>");
                plain.AppendLine();
            }

            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(link)}\" dir=\"ltr\">{Encode(link)}</a></p>");
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:12px;color:#666\">{Encode(text["Mail.Signature"])}</p></body></html>");
            plain.AppendLine(link).AppendLine().AppendLine(text["Mail.Signature"]);

            var cancel = kind == ConvocationKind.Cancellation;
            var ics = IcsWriter.Invitation(
                session.CalendarUid,
                session.CalendarSequence,
                cancel,
                title,
                session.StartsAt,
                session.EndsAt,
                nowUtc,
                string.Join("\n", agenda.Select(a => PeopleText.Plain(a.Title))),
                session.Place,
                Uri.TryCreate(link, UriKind.Absolute, out var url) ? url : null,
                emailOptions.Value.FromAddress);
            var method = cancel ? "CANCEL" : "REQUEST";
            return new OutgoingMail(toAddress, toName, subject, html.ToString(), plain.ToString(),
                [new MailAttachment("invitation.ics", $"{IcsWriter.ContentType}; charset=utf-8; method={method}", ics)]);
        });

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private string Absolute(string path)
    {
        var root = accountOptions.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(root) ? path : new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), path.TrimStart('/')).ToString();
    }
}
