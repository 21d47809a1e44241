using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Noress.App.Accounts;
using Noress.App.Shared.Localization;
using Noress.App.Shared.RealTime;

namespace Noress.App.Sessions.Speakers;

/// <summary>
/// A speakers' widget placed on a session screen: it follows the session's topic itself and reloads when the list,
/// the attendance or the session's state changes, so the page that places it needs no wiring.
/// </summary>
public abstract class SpeakersComponent : FollowingComponent
{
    private static readonly IReadOnlySet<string> Followed = new HashSet<string>(StringComparer.Ordinal)
    {
        SessionEvents.Speakers, SessionEvents.Attendance, SessionEvents.State, SessionEvents.Agenda,
    };

    [Parameter]
    [EditorRequired]
    public Guid SessionId { get; set; }

    /// <summary>The agenda item whose list is shown (the projector's view may leave it out: it shows the session's speaker).</summary>
    [Parameter]
    public Guid? AgendaItemId { get; set; }

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    protected ClaimsPrincipal User { get; private set; } = new();

    /// <summary>Reads what the widget shows, as <see cref="User"/>.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    protected override async Task OnParametersSetAsync()
    {
        Follow(Topics.Session(SessionId), Followed, () => LoadAsync(CancellationToken.None));
        User = await CurrentUser.GetPrincipalAsync();
        await LoadAsync(CancellationToken.None);
    }

    /// <summary>"Name · ACRONYM" for labels and sentences, each part isolated (people typed them).</summary>
    protected static string Label(SpeakerEntry entry) => entry.Person is { } person
        ? PeopleText.Isolate(person) + " · " + PeopleText.Isolate(entry.Institution)
        : PeopleText.Isolate(entry.Institution);
}
