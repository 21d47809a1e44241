using System.Text.RegularExpressions;
using MimeKit;

namespace Noress.IntegrationTests.Infrastructure;

/// <summary>Reads the e-mails the app wrote to the factory's pickup folder.</summary>
public static partial class TestMailbox
{
    public static IReadOnlyList<MimeMessage> MessagesTo(this NoressAppFactory factory, string address) =>
        Directory.Exists(factory.MailDirectory)
            ? Directory.GetFiles(factory.MailDirectory, "*.eml")
                .Order(StringComparer.Ordinal)
                .Select(file => MimeMessage.Load(file))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList()
            : [];

    /// <summary>The first link to the given app path in the message's text part, as a relative URL.</summary>
    public static string LinkTo(this MimeMessage message, string path)
    {
        var match = LinkPattern().Matches(message.TextBody ?? string.Empty)
            .FirstOrDefault(m => new Uri(m.Value).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No link to {path} in \"{message.Subject}\".");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
