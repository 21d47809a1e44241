using System.Globalization;
using System.Resources;

namespace Noress.App.Shared.Localization;

/// <summary>
/// Localized data-annotation messages. DataAnnotations reads them through static properties
/// (ErrorMessageResourceType), so they come from SharedText's resources for the current UI culture.
/// </summary>
public static class ValidationMessages
{
    private static readonly ResourceManager Resources = new(typeof(SharedText).FullName!, typeof(SharedText).Assembly);

    public static string Required => Get("Validation.Required");

    public static string Email => Get("Validation.Email");

    public static string StringLength => Get("Validation.StringLength");

    public static string PasswordsDiffer => Get("Validation.PasswordsDiffer");

    private static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
