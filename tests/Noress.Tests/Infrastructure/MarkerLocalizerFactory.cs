using Microsoft.Extensions.Localization;

namespace Noress.Tests.Infrastructure;

/// <summary>Returns every string as ⟦key⟧, so text that reaches the page without a localizer stands out.</summary>
public sealed class MarkerLocalizerFactory : IStringLocalizerFactory
{
    public const char Open = '⟦';
    public const char Close = '⟧';

    public IStringLocalizer Create(Type resourceSource) => new MarkerLocalizer();

    public IStringLocalizer Create(string baseName, string location) => new MarkerLocalizer();

    public static string Mark(string key) => $"{Open}{key}{Close}";

    private sealed class MarkerLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, Mark(name));

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, Mark(name + (arguments.Length == 0 ? string.Empty : ":" + string.Join("|", arguments))));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
