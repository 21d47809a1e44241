using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Committees.Recommendations;
using Noress.App.Committees.Workspace;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Committees;

/// <summary>
/// The committee's workspace (ADR 0028): composition for every member; documents, meetings, decisions, recommendations
/// and the live feed for its people and the staff; the documents it shares for everyone else.
/// </summary>
public partial class CommitteePage
{
    private static readonly IReadOnlySet<string> ListKinds = new HashSet<string> { CommitteeEvents.Documents, CommitteeEvents.Meetings, CommitteeEvents.Decisions, CommitteeEvents.Recommendations };
    private static readonly Dictionary<string, object?> NewTitleAttributes = new() { ["data-testid"] = "committee-document-title", ["dir"] = "auto" };

    private CommitteeWorkspace? workspace;
    private CommitteeViewer viewer = new(null, false, false, null);
    private IReadOnlyList<SpaceDocumentItem> documents = [];
    private CommitteeMeetings? meetings;
    private IReadOnlyList<RecommendationItem>? recommendations;
    private CommitteeCandidates? candidates;
    private bool secretariat;
    private bool loaded;
    private DateTime? startsOn;
    private DateTime? endsOn;
    private DateTime? endOn;
    private Guid? institutionId;
    private Guid? personId;
    private CommitteeRole role = CommitteeRole.Member;
    private string? error;
    private string newTitle = string.Empty;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private CommitteeService Committees { get; set; } = default!;

    [Inject]
    private CommitteeWorkspaceService Workspace { get; set; } = default!;

    [Inject]
    private RecommendationService Recommendations { get; set; } = default!;

    [Inject]
    private SessionsAccess Access { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SessionsText> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<CommitteesText> W { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedText> Shared { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        startsOn = endOn = Access.Today.ToDateTime(TimeOnly.MinValue);
        var user = await CurrentUser.GetPrincipalAsync();
        secretariat = await Access.IsSecretariatAsync(user);
        candidates = secretariat ? await Committees.CandidatesAsync(user, default) : null;
        await LoadAsync();
        Follow(Topics.Committee(Id), ListKinds, LoadListsAsync);
    }

    private async Task LoadAsync()
    {
        workspace = await Workspace.GetAsync(await CurrentUser.GetPrincipalAsync(), Id, default);
        viewer = workspace?.Viewer ?? viewer;
        loaded = true;
        if (workspace is not null)
        {
            await LoadListsAsync();
        }
    }

    private async Task LoadListsAsync()
    {
        var user = await CurrentUser.GetPrincipalAsync();
        documents = await Workspace.DocumentsAsync(user, Id, default);
        meetings = await Workspace.MeetingsAsync(user, Id, default);
        recommendations = await Recommendations.OfCommitteeAsync(user, Id, default);
    }

    private async Task CreateDocumentAsync()
    {
        var created = await Workspace.CreateDocumentAsync(await CurrentUser.GetPrincipalAsync(), Id, newTitle, default);
        if (created.Succeeded)
        {
            Navigation.NavigateTo($"documents/{created.Value}");
        }
        else
        {
            Snackbar.Add(created.Error!, Severity.Error);
        }
    }

    private async Task ShareAsync(Guid documentId, bool shared)
    {
        var outcome = await Workspace.SetSharedAsync(await CurrentUser.GetPrincipalAsync(), Id, documentId, shared, default);
        if (!outcome.Succeeded)
        {
            Snackbar.Add(outcome.Error!, Severity.Error);
        }

        await LoadListsAsync();
    }

    private async Task ForwardAsync()
    {
        var parameters = new DialogParameters<ForwardToPlenaryDialog>
        {
            { d => d.CommitteeId, Id },
            { d => d.Documents, documents },
        };
        var dialog = await Dialogs.ShowAsync<ForwardToPlenaryDialog>(W["Forward.Title"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(W["Forward.Done"], Severity.Success);
            await LoadListsAsync();
        }
    }

    private DateOnly Day(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : Access.Today;

    private static DateOnly? OptionalDay(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private async Task SeatAsync()
    {
        if (institutionId is not { } institution)
        {
            error = T["Committees.ChooseInstitution"];
            return;
        }

        await AfterAsync(await Committees.SeatAsync(await CurrentUser.GetPrincipalAsync(), Id, institution, Day(startsOn), OptionalDay(endsOn), default));
    }

    private async Task AppointAsync()
    {
        if (personId is not { } person)
        {
            error = T["Committees.ChoosePerson"];
            return;
        }

        await AfterAsync(await Committees.AppointAsync(await CurrentUser.GetPrincipalAsync(), Id, person, role, Day(startsOn), OptionalDay(endsOn), default));
    }

    private async Task EndAsync(Guid id) =>
        await AfterAsync(await Committees.EndAsync(await CurrentUser.GetPrincipalAsync(), id, Day(endOn), default));

    private async Task AfterAsync(Outcome<Guid> outcome)
    {
        error = outcome.Error;
        if (outcome.Succeeded)
        {
            await LoadAsync();
        }
    }
}
