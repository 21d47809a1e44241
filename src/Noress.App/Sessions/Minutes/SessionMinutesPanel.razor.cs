using Microsoft.AspNetCore.Components;
using Noress.App.Accounts;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Sessions.Minutes;

/// <summary>The minutes of a session as a panel for the session page, and in full on its own page; follows the session live.</summary>
public sealed partial class SessionMinutesPanel
{
    private static readonly IReadOnlySet<string> Kinds = new HashSet<string> { SessionEvents.Minutes, SessionEvents.State, SessionEvents.Vote };

    private MinutesView? view;
    private bool loaded;
    private bool isSecretariat;
    private DateTime? deadline;
    private Guid laterSession;
    private string? message;
    private bool failed;

    [Parameter]
    public Guid SessionId { get; set; }

    /// <summary>On the minutes' own page: no link to it.</summary>
    [Parameter]
    public bool Full { get; set; }

    /// <summary>Whether the panel shows its own h2 (the host page may title it).</summary>
    [Parameter]
    public bool ShowHeading { get; set; } = true;

    protected override async Task OnParametersSetAsync()
    {
        Follow(Topics.Session(SessionId), Kinds, LoadAsync);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var user = await CurrentUser.GetPrincipalAsync();
        isSecretariat = user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.Administrator);
        view = await Minutes.GetAsync(user, SessionId, default);
        loaded = true;
    }

    private string StateText(SessionMinutes m) => m.State switch
    {
        MinutesState.Circulated => T["Panel.State.Circulated", NoressFormat.DateTime(m.RemarksUntil ?? default)],
        MinutesState.Adopted => T["Panel.State.Adopted", NoressFormat.Date(m.ApprovedAt ?? default)],
        MinutesState.Approved => T["Panel.State.Approved", NoressFormat.Date(m.ApprovedAt ?? default)],
        _ => T["Panel.State.Draft"],
    };

    private Task CirculateAsync() => RunAsync(user => Minutes.CirculateAsync(user, SessionId, DateOnly.FromDateTime(deadline!.Value), default));

    private Task ScheduleAsync() => RunAsync(user => Minutes.ScheduleApprovalAsync(user, SessionId, laterSession, default));

    private Task RequestDraftPdfsAsync() => RunAsync(user => Minutes.RequestDraftPdfsAsync(user, SessionId, default));

    private Task ProducePdfsAsync() => RunAsync(user => Minutes.ProducePdfsAsync(user, SessionId, default));

    private async Task RunAsync(Func<System.Security.Claims.ClaimsPrincipal, Task<Outcome<Guid>>> action)
    {
        var result = await action(await CurrentUser.GetPrincipalAsync());
        failed = !result.Succeeded;
        message = result.Error ?? T["Panel.Done"];
        await LoadAsync();
    }
}
