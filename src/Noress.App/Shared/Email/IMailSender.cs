namespace Noress.App.Shared.Email;

/// <summary>Sends e-mail; features compose the message, this only delivers it.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
