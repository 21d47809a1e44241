using MudBlazor;

namespace Noress.App.Shared.Layout;

/// <summary>The areas of the platform shown in the navigation drawer.</summary>
public static class PlatformAreas
{
    public static readonly IReadOnlyList<PlatformArea> All =
    [
        new("members", "Nav.Members", "Area.Members.Coming", Icons.Material.Filled.Groups),
        new("sessions", "Nav.Sessions", null, Icons.Material.Filled.EventSeat),
        new("decisions", "Nav.Decisions", null, Icons.Material.Filled.Gavel),
        new("rules", "Nav.Rules", null, Icons.Material.Filled.MenuBook),
        new("documents", "Nav.Documents", "Area.Documents.Coming", Icons.Material.Filled.Description),
        new("committees", "Nav.Committees", null, Icons.Material.Filled.Diversity3),
        new("action-plans", "Nav.ActionPlans", null, Icons.Material.Filled.AccountTree),
        new("calls", "Nav.Calls", null, Icons.Material.Filled.Campaign),
        new("competition", "Nav.Competition", "Area.Competition.Coming", Icons.Material.Filled.EmojiEvents),
    ];
}

/// <param name="Href">App-relative path of the area.</param>
/// <param name="TitleKey">SharedText key of the area's name.</param>
/// <param name="ComingKey">SharedText key describing what the area will offer, until it is built (null once it is).</param>
/// <param name="Icon">MudBlazor icon shown in the drawer and on the area page.</param>
public sealed record PlatformArea(string Href, string TitleKey, string? ComingKey, string Icon);
