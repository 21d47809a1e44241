namespace Noress.App.Shared.Email;

/// <summary>One message to one person, already written in that person's language.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody);
