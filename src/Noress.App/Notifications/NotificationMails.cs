using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Noress.App.Accounts;
using Noress.App.Shared.Email;
using Noress.App.Shared.Localization;

namespace Noress.App.Notifications;

/// <summary>Writes notification e-mails, one at a time or as a daily digest, in the recipient's language.</summary>
public sealed class NotificationMails(IStringLocalizer<NotificationsText> text, IOptions<AccountOptions> accountOptions)
{
    public OutgoingMail Single(string culture, string toAddress, string toName, string title, string? body, string? link) =>
        InCulture(culture, () => Compose(toAddress, toName, title, [new MailItem(title, body, link, null)]));

    public OutgoingMail Digest(string culture, string toAddress, string toName, IReadOnlyList<MailItem> items) =>
        InCulture(culture, () => Compose(toAddress, toName, text["Mail.Digest.Subject", items.Count], items));

    /// <summary>A mail of several items under a subject of the caller's (another feature's digest), in <paramref name="culture"/>.</summary>
    public OutgoingMail Compose(string culture, string toAddress, string toName, string subject, IReadOnlyList<MailItem> items) =>
        InCulture(culture, () => Compose(toAddress, toName, subject, items));

    /// <summary>Runs <paramref name="compose"/> with the current (UI) culture switched to the recipient's.</summary>
    public static T InCulture<T>(string culture, Func<T> compose)
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

    private OutgoingMail Compose(string toAddress, string toName, string subject, IReadOnlyList<MailItem> items)
    {
        // Titles, texts and names are people's text: no bidirectional controls (ADR 0012).
        (toName, subject) = (PeopleText.Plain(toName), PeopleText.Plain(subject));
        items = [.. items.Select(i => i with { Title = PeopleText.Plain(i.Title), Body = PeopleText.Plain(i.Body) })];
        var culture = CultureInfo.CurrentUICulture;
        var direction = NoressCultures.IsRightToLeft(culture) ? "rtl" : "ltr";
        var align = direction == "rtl" ? "right" : "left";
        var preferences = Absolute("/notifications/preferences");
        var html = new StringBuilder();
        var plain = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\" dir=\"{direction}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head>");
        html.Append(CultureInfo.InvariantCulture, $"<body style=\"font-family:Arial,sans-serif;direction:{direction};text-align:{align};color:#222\">");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(text["Mail.Greeting", toName])}</p>");
        plain.AppendLine(text["Mail.Greeting", toName]).AppendLine();
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3 style=\"margin-bottom:4px\">{Encode(item.Title)}</h3>");
            plain.AppendLine(item.Title);
            if (item.CreatedAtUtc is { } created)
            {
                var when = NoressFormat.DateTime(created);
                html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:12px;color:#666;margin:0\">{Encode(when)}</p>");
                plain.AppendLine(when);
            }

            if (!string.IsNullOrWhiteSpace(item.Body))
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(item.Body)}</p>");
                plain.AppendLine(item.Body);
            }

            if (!string.IsNullOrWhiteSpace(item.Link))
            {
                var link = Absolute(item.Link);
                html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(link)}\" style=\"color:#1b6b4f\">{Encode(text["Mail.Open"])}</a></p>");
                plain.AppendLine(link);
            }

            plain.AppendLine();
        }

        html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:12px;color:#666\">{Encode(text["Mail.Preferences"])} <a href=\"{Encode(preferences)}\" dir=\"ltr\">{Encode(preferences)}</a></p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:12px;color:#666\">{Encode(text["Mail.Signature"])}</p></body></html>");
        plain.AppendLine(text["Mail.Preferences"]).AppendLine(preferences).AppendLine().AppendLine(text["Mail.Signature"]);
        return new OutgoingMail(toAddress, toName, subject, html.ToString(), plain.ToString());
    }

    // Mails are written by background jobs with no request to take an address from: only the configured
    // public address makes links absolute.
    private string Absolute(string path)
    {
        var root = accountOptions.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(root) || Uri.TryCreate(path, UriKind.Absolute, out _))
        {
            return path;
        }

        return new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), path.TrimStart('/')).ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>One notification as it appears in a mail; the creation time is shown in digests only.</summary>
public sealed record MailItem(string Title, string? Body, string? Link, DateTime? CreatedAtUtc);
