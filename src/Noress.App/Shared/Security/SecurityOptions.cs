namespace Noress.App.Shared.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Origins besides the request's own that may open a circuit, e.g. "https://noress.example".</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
