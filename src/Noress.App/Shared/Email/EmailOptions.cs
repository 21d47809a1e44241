namespace Noress.App.Shared.Email;

/// <summary>Outgoing mail settings (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool UseStartTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "noreply@noress.ma";

    public string FromName { get; set; } = "NORESS";

    /// <summary>When set, messages are written there as .eml files instead of being sent (development, tests).</summary>
    public string? PickupDirectory { get; set; }
}
