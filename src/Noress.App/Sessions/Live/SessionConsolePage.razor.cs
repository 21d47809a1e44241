using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;

namespace Noress.App.Sessions.Live;

/// <summary>
/// The secretariat's console: the current item, the attendance grid, opening and closing votes with the live
/// participation count, the results and their override. Every action is checked again by the services.
/// </summary>
public sealed partial class SessionConsolePage
{
    private static readonly Dictionary<string, object?> QuestionAttributes = new() { ["data-testid"] = "vote-question", ["dir"] = "auto" };

    private Session? session;
    private IReadOnlyList<AgendaItem> agenda = [];
    private IReadOnlyList<Vote> votes = [];
    private IReadOnlyList<AttendanceRow> roster = [];
    private readonly Dictionary<Guid, IReadOnlyList<(string Institution, VoteChoice Choice)>> names = [];
    private RuleBook? rules;
    private bool loaded;
    private bool busy;
    private string? message;
    private string question = string.Empty;
    private BallotChoice ballot;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private SessionService Sessions { get; set; } = default!;

    [Inject]
    private AttendanceService Attendance { get; set; } = default!;

    [Inject]
    private VoteService Votes { get; set; } = default!;

    [Inject]
    private RuleParameterService Rules { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IStringLocalizer<LiveText> L { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SessionsText> T { get; set; } = default!;

    /// <summary>The ballot kind asked for: the rules' default for the current item, or forced.</summary>
    public enum BallotChoice
    {
        Default,
        Open,
        Secret,
    }

    // The institutions' names in the reader's script: Arabic for Arabic readers, French otherwise.
    private static bool Arabic => Shared.Localization.NoressCultures.IsRightToLeft(System.Globalization.CultureInfo.CurrentUICulture);

    private AgendaItem? CurrentItem => agenda.FirstOrDefault(a => a.Id == session?.CurrentAgendaItemId);

    private Vote? OpenVote => votes.LastOrDefault(v => v.State == VoteState.Open);

    private BallotKind DefaultBallot => CurrentItem?.Kind == AgendaItemKind.Election ? rules?.ElectionBallot ?? BallotKind.Secret : BallotKind.Open;

    protected override async Task OnParametersSetAsync()
    {
        await ReloadAsync();
        loaded = true;
        Follow(Id);
    }

    protected override async Task ReloadAsync()
    {
        var user = await CurrentUser.GetPrincipalAsync();
        session = await Sessions.FindAsync(user, Id, default);
        if (session is null)
        {
            return;
        }

        agenda = await Sessions.AgendaAsync(user, Id, default);
        votes = await Votes.ListAsync(user, Id, default);
        roster = await Attendance.RosterAsync(user, Id, default);
        rules ??= await Rules.InForceAsync(AttendanceService.SessionDate(session), default);
        foreach (var vote in votes.Where(v => v.State == VoteState.Closed && v.Ballot == BallotKind.Open && !names.ContainsKey(v.Id)))
        {
            names[vote.Id] = (await Votes.GetAsync(user, vote.Id, default))?.Names ?? [];
        }
    }

    protected override bool ApplyVoteSignal(VoteSignal signal)
    {
        // The open vote's count, straight from the event; anything else (a vote opened or closed) reloads.
        if (signal.State == VoteState.Open && OpenVote is { } open && open.Id == signal.VoteId)
        {
            open.Participations = Math.Max(open.Participations, signal.Participations);
            return true;
        }

        return false;
    }

    private IReadOnlyList<(string Institution, VoteChoice Choice)> NamesOf(Guid voteId) => names.TryGetValue(voteId, out var n) ? n : [];

    private static Color MarkColor(AttendanceMark mark) => mark switch
    {
        AttendanceMark.Present => Color.Success,
        AttendanceMark.Represented => Color.Info,
        _ => Color.Default,
    };

    private Task SetCurrentAsync(Guid itemId) =>
        RunAsync(async user => await Sessions.SetCurrentItemAsync(user, Id, itemId, default));

    private Task CheckInAsync(Guid institutionId) =>
        RunAsync(async user => await Attendance.CheckInAsync(user, Id, institutionId, default));

    private Task CheckOutAsync(Guid institutionId) =>
        RunAsync(async user => await Attendance.CheckOutAsync(user, Id, institutionId, default));

    private Task OpenVoteAsync() =>
        RunAsync(async user =>
        {
            var kind = ballot switch
            {
                BallotChoice.Open => BallotKind.Open,
                BallotChoice.Secret => BallotKind.Secret,
                _ => (BallotKind?)null,
            };
            var outcome = await Votes.OpenAsync(user, Id, session?.CurrentAgendaItemId, question, kind, default);
            if (outcome.Succeeded)
            {
                (question, ballot) = (string.Empty, BallotChoice.Default);
            }

            return outcome;
        });

    private Task CloseVoteAsync(Guid voteId) =>
        RunAsync(async user => await Votes.CloseAsync(user, voteId, default));

    private async Task OverrideAsync(Vote vote)
    {
        var parameters = new DialogParameters<OverrideVerdictDialog>
        {
            { d => d.VoteId, vote.Id },
            { d => d.Current, vote.Verdict ?? Verdict.Rejected },
        };
        var dialog = await Dialogs.ShowAsync<OverrideVerdictDialog>(L["Override.Title"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    /// <summary>Runs one console action: a refusal is shown; a success reloads at once (the event will reload the other screens).</summary>
    private async Task RunAsync(Func<System.Security.Claims.ClaimsPrincipal, Task<Outcome<Guid>>> action)
    {
        busy = true;
        message = null;
        try
        {
            var outcome = await action(await CurrentUser.GetPrincipalAsync());
            message = outcome.Error;
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
