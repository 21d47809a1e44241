using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Noress.EndToEnd.Infrastructure;

/// <summary>
/// The app sending its mail over real SMTP (no pickup folder) to a test SMTP server on a free loopback
/// port, so journeys read the mails a person would receive.
/// </summary>
public sealed class MailingNoressServer : IAsyncLifetime
{
    private readonly CapturingStore store = new();
    private readonly CancellationTokenSource stop = new();
    private Task? smtpTask;

    public NoressServer Server { get; } = new();

    public async Task InitializeAsync()
    {
        var port = NoressServer.FreeLoopbackPort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        smtpTask = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);

        Server.With("Email:Host", "127.0.0.1")
            .With("Email:Port", port.ToString(CultureInfo.InvariantCulture))
            .With("Email:UseStartTls", "false")
            .With("Email:PickupDirectory", string.Empty);
        await Server.InitializeAsync();
    }

    /// <summary>Every mail received so far for <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        [.. store.Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Server).DisposeAsync();
        await stop.CancelAsync();
        if (smtpTask is not null)
        {
            try
            {
                await smtpTask;
            }
            catch (OperationCanceledException)
            {
                // Stopping is the cancellation.
            }
        }

        stop.Dispose();
    }

    private sealed class CapturingStore : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> messages = new();

        public IReadOnlyList<MimeMessage> Messages => [.. messages];

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>Journeys that read the app's mail share one app wired to the test SMTP server.</summary>
[CollectionDefinition(Name)]
public sealed class MailingNoressServerCollection : ICollectionFixture<MailingNoressServer>
{
    public const string Name = "Noress server with SMTP";
}
