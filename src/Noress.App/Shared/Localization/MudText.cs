namespace Noress.App.Shared.Localization;

/// <summary>Marker for MudBlazor's own strings (aria-labels, pagers, pickers), keyed as in MudBlazor's LanguageResource.</summary>
public sealed class MudText
{
}
