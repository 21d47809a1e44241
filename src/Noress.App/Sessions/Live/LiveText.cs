using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Noress.App.Sessions.Live;

/// <summary>Marker for the live screens' strings (LiveText.resx is French, the default).</summary>
public sealed class LiveText
{
}

/// <summary>Reads strings in a culture other than the page's: the projector shows French and Arabic side by side.</summary>
public static class InCulture
{
    public static T Run<T>(CultureInfo? culture, Func<T> read)
    {
        if (culture is null)
        {
            return read();
        }

        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (culture, culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    public static string Text<TText>(this IStringLocalizer<TText> localizer, CultureInfo? culture, string key, params object[] arguments) =>
        Run(culture, () => localizer[key, arguments].Value);
}
