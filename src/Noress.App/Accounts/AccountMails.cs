using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Noress.App.Calendar.Feed;
using Noress.App.Shared.Email;
using Noress.App.Shared.Localization;

namespace Noress.App.Accounts;

/// <summary>Writes the account e-mails in the recipient's language (Arabic mails are right-to-left).</summary>
// The clock stamps calendar attachments (DTSTAMP); the system clock when none is given.
public sealed class AccountMails(IStringLocalizer<AccountsText> text, TimeProvider? clock = null)
{
    public OutgoingMail PasswordReset(string culture, string toAddress, string toName, string link) =>
        InCulture(culture, () => Compose(
            toAddress,
            toName,
            text["Mail.Reset.Subject"],
            [text["Mail.Greeting", toName], text["Mail.Reset.Body"]],
            text["Mail.Reset.Action"],
            link,
            text["Mail.Reset.Ignore"]));

    /// <summary>To the new address: the link that makes the change happen.</summary>
    public OutgoingMail EmailChangeConfirmation(string culture, string toAddress, string toName, string link) =>
        InCulture(culture, () => Compose(
            toAddress,
            toName,
            text["Mail.EmailChange.Confirm.Subject"],
            [text["Mail.Greeting", toName], text["Mail.EmailChange.Confirm.Body", toAddress]],
            text["Mail.EmailChange.Confirm.Action"],
            link,
            text["Mail.EmailChange.Confirm.Ignore"]));

    /// <summary>To the old address when a change is asked for: a reset from here renews the stamp and so voids the pending link.</summary>
    public OutgoingMail EmailChangeRequested(string culture, string toAddress, string toName, string newAddress, string resetLink) =>
        InCulture(culture, () => Compose(
            toAddress,
            toName,
            text["Mail.EmailChange.Requested.Subject"],
            [text["Mail.Greeting", toName], text["Mail.EmailChange.Requested.Body", newAddress]],
            text["Mail.EmailChange.Requested.Action"],
            resetLink,
            text["Mail.EmailChange.Requested.Ignore"]));

    /// <summary>To the old address once the change is made.</summary>
    public OutgoingMail EmailChanged(string culture, string toAddress, string toName, string newAddress) =>
        InCulture(culture, () => Compose(
            toAddress,
            toName,
            text["Mail.EmailChange.Done.Subject"],
            [text["Mail.Greeting", toName], text["Mail.EmailChange.Done.Body", newAddress]],
            action: null,
            link: null,
            text["Mail.EmailChange.Done.Ignore"]));

    /// <summary>To an outside initiative that registered: the link that confirms its address (ADR 0038).</summary>
    public OutgoingMail OutsideConfirmation(string culture, string toAddress, string toName, DateTime expiresAtUtc, string link) =>
        InCulture(culture, () => Compose(
            toAddress,
            toName,
            text["Mail.Outside.Confirm.Subject"],
            [text["Mail.Greeting", toName], text["Mail.Outside.Confirm.Body"], text["Mail.Outside.Confirm.Expires", NoressFormat.LongDateTime(expiresAtUtc)]],
            text["Mail.Outside.Confirm.Action"],
            link,
            text["Mail.Outside.Confirm.Ignore"]));

    /// <summary>To an address that already has an account when someone registers with it: nothing is created.</summary>
    public OutgoingMail OutsideAlreadyRegistered(string culture, string toAddress, string toName, string forgotPasswordLink) =>
        InCulture(culture, () => Compose(
            toAddress,
            toName,
            text["Mail.Outside.Exists.Subject"],
            [text["Mail.Greeting", toName], text["Mail.Outside.Exists.Body"]],
            text["Mail.Outside.Exists.Action"],
            forgotPasswordLink,
            text["Mail.Outside.Exists.Ignore"]));

    /// <summary>The invitation, with an .ics event at the link's expiry so the invitee can put the deadline in a calendar.</summary>
    public OutgoingMail Invitation(Guid invitationId, string culture, string toAddress, string toName, string institution, string role, DateTime expiresAtUtc, string link) =>
        InCulture(culture, () => Compose(
            toAddress,
            toName,
            text["Mail.Invitation.Subject"],
            [
                text["Mail.Greeting", toName],
                text["Mail.Invitation.Body", institution, text[$"Role.{role}"]],
                text["Mail.Invitation.Expires", NoressFormat.LongDateTime(expiresAtUtc)],
            ],
            text["Mail.Invitation.Action"],
            link,
            text["Mail.Invitation.Ignore"]) with
        {
            Attachments = [ExpiryEvent(invitationId, expiresAtUtc)],
        });

    // The event carries no link: the token is a secret, and calendars get synced to places mail does not.
    private MailAttachment ExpiryEvent(Guid invitationId, DateTime expiresAtUtc)
    {
        var expires = DateTime.SpecifyKind(expiresAtUtc, DateTimeKind.Utc);
        var ics = IcsWriter.Attachment(
            $"invitation.{invitationId:N}@noress",
            text["Mail.Invitation.CalendarSummary"],
            expires.AddMinutes(-30),
            expires,
            (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime,
            text["Mail.Invitation.Expires", NoressFormat.LongDateTime(expiresAtUtc)],
            location: null,
            url: null);
        return new MailAttachment("invitation.ics", IcsWriter.ContentType + "; charset=utf-8; method=PUBLISH", ics);
    }

    // Resource lookups follow the current UI culture, so it is switched for the duration of one synchronous composition.
    private static OutgoingMail InCulture(string culture, Func<OutgoingMail> compose)
    {
        var (previousCulture, previousUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var target = CultureInfo.GetCultureInfo(NoressCultures.Normalize(culture));
        try
        {
            CultureInfo.CurrentCulture = target;
            CultureInfo.CurrentUICulture = target;
            return compose();
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    private OutgoingMail Compose(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs, string? action, string? link, string footer)
    {
        // Paragraphs carry names and institutions that people typed.
        paragraphs = [.. paragraphs.Select(p => PeopleText.Plain(p))];
        subject = PeopleText.Plain(subject);
        var culture = CultureInfo.CurrentUICulture;
        var direction = NoressCultures.IsRightToLeft(culture) ? "rtl" : "ltr";
        var align = direction == "rtl" ? "right" : "left";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\" dir=\"{direction}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head>");
        html.Append(CultureInfo.InvariantCulture, $"<body style=\"font-family:Arial,sans-serif;direction:{direction};text-align:{align};color:#222\">");
        foreach (var paragraph in paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(paragraph)}</p>");
        }

        if (action is not null && link is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(link)}\" style=\"display:inline-block;padding:10px 18px;background:#1b6b4f;color:#fff;text-decoration:none;border-radius:4px\">{Encode(action)}</a></p>");
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:12px;color:#666\">{Encode(text["Mail.LinkFallback"])}<br><span dir=\"ltr\">{Encode(link)}</span></p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:12px;color:#666\">{Encode(footer)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:12px;color:#666\">{Encode(text["Mail.Signature"])}</p></body></html>");

        var plain = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            plain.AppendLine(paragraph).AppendLine();
        }

        if (action is not null && link is not null)
        {
            plain.AppendLine(action).AppendLine(link).AppendLine();
        }

        plain.AppendLine(footer).AppendLine().AppendLine(text["Mail.Signature"]);
        return new OutgoingMail(toAddress, toName, subject, html.ToString(), plain.ToString());
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
