using Microsoft.AspNetCore.Components;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.RealTime;

namespace Noress.App.Sessions;

public sealed partial class SessionPage
{
    private Session? session;
    private IReadOnlyList<AgendaItem> agenda = [];
    private IReadOnlyList<AgendaDocumentLink> documents = [];
    private IReadOnlyList<Vote> votes = [];
    private IReadOnlyList<SessionInstitution> institutions = [];
    private ProxyBoard? proxies;
    private bool secretariat;
    private bool loaded;

    [Parameter]
    public Guid Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        await ReloadAsync();
        // Another screen (the console, a second secretary) changed the session: show it without a reload.
        Follow(Topics.Session(Id), null, ReloadAsync);
    }

    private async Task ReloadAsync()
    {
        var user = await CurrentUser.GetPrincipalAsync();
        secretariat = await Access.IsSecretariatAsync(user);
        session = await Sessions.FindAsync(user, Id, default);
        if (session is not null && !await Sessions.MaySeeAsync(user, session, default))
        {
            session = null;
        }

        if (session is not null)
        {
            agenda = await Sessions.AgendaAsync(user, Id, default);
            documents = await Sessions.AgendaDocumentsAsync(user, Id, default);
            votes = await Votes.ListAsync(user, Id, default);
            proxies = await Attendance.ProxyBoardAsync(user, Id, default);
            institutions = await Sessions.VotingInstitutionsAsync(user, Id, default);
        }

        loaded = true;
    }
}
