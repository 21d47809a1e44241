using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Noress.App.Shared.Email;

/// <summary>In Production mail must go somewhere: an SMTP host, or a pickup folder chosen on purpose.</summary>
internal sealed class EmailOptionsValidator(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
        environment.IsProduction() && string.IsNullOrWhiteSpace(options.Host) && string.IsNullOrWhiteSpace(options.PickupDirectory)
            ? ValidateOptionsResult.Fail(
                "Email:Host is empty: in Production invitations, password resets and notifications need an SMTP server. " +
                "Set Email:Host (or Email:PickupDirectory to write .eml files on purpose).")
            : ValidateOptionsResult.Success;
}
