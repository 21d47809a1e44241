using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Noress.App.Shared.Localization;

/// <summary>
/// Gives MudBlazor's built-in texts ("Toggle {0}", "Rows per page:") in French and Arabic from MudText.resx;
/// a key missing there reports not-found, so MudBlazor falls back to its English text.
/// </summary>
public sealed class NoressMudLocalizer(IStringLocalizer<MudText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];

    public override LocalizedString this[string key, params object[] arguments] => text[key, arguments];
}
