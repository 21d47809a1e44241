using System.Globalization;
using System.Resources;
using Noress.App.Accounts;
using Noress.App.Members;
using Noress.App.Shared.Localization;

namespace Noress.EndToEnd.Infrastructure;

/// <summary>
/// The app's own localized strings, read from its resources, so the journeys check that the page shows
/// the right language without copying every wording into the tests.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Shared = new(typeof(SharedText).FullName!, typeof(SharedText).Assembly);
    private static readonly ResourceManager Accounts = new(typeof(AccountsText).FullName!, typeof(AccountsText).Assembly);
    private static readonly ResourceManager MembersTexts = new(typeof(MembersText).FullName!, typeof(MembersText).Assembly);
    private static readonly ResourceManager OutsideTexts = new(typeof(App.Calls.Outside.OutsideText).FullName!, typeof(App.Calls.Outside.OutsideText).Assembly);

    public static string Shell(string key, string culture) => Lookup(Shared, key, culture);

    public static string Account(string key, string culture) => Lookup(Accounts, key, culture);

    public static string Members(string key, string culture) => Lookup(MembersTexts, key, culture);

    public static string Outside(string key, string culture) => Lookup(OutsideTexts, key, culture);

    private static string Lookup(ResourceManager resources, string key, string culture) =>
        resources.GetString(key, CultureInfo.GetCultureInfo(culture))
        ?? throw new KeyNotFoundException($"No text '{key}' in {resources.BaseName}.");
}
