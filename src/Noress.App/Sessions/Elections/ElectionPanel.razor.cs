using System.Security.Claims;
using Noress.App.Committees;
using Noress.App.Shared.Operations;

namespace Noress.App.Sessions.Elections;

public partial class ElectionPanel
{
    private readonly Dictionary<Guid, IReadOnlyList<(Guid Id, string Name)>> eligible = [];
    private readonly Dictionary<Guid, Guid> picked = [];
    private readonly ElectionForm form = new();
    private IReadOnlyList<ElectionView> elections = [];
    private IReadOnlyList<AgendaItem> items = [];
    private IReadOnlyList<Committee> committees = [];
    private string? error;

    protected override async Task LoadAsync()
    {
        var user = await CurrentUser.GetPrincipalAsync();
        elections = await Elections.ListAsync(user, SessionId, default);
        (items, committees) = await Elections.FormChoicesAsync(user, SessionId, default);
        if (form.AgendaItemId == Guid.Empty && items.Count > 0)
        {
            form.AgendaItemId = items[0].Id;
        }

        foreach (var election in elections.Where(e => e.Election.State == ElectionState.Preparing && !eligible.ContainsKey(e.Election.Id)))
        {
            eligible[election.Election.Id] = await Elections.EligibleAsync(user, election.Election.Id, default);
        }
    }

    private IReadOnlyList<(Guid Id, string Name)> Eligible(Guid electionId)
    {
        var taken = elections.Single(e => e.Election.Id == electionId).Candidates.Select(c => c.Candidate.PersonId ?? c.Candidate.InstitutionId).ToHashSet();
        return [.. eligible.GetValueOrDefault(electionId, []).Where(e => !taken.Contains(e.Id))];
    }

    private Guid Picked(Guid electionId) => picked.GetValueOrDefault(electionId);

    private Task CreateAsync() => RunAsync(c => Elections.CreateAsync(c, new ElectionInput(
        SessionId,
        form.AgendaItemId,
        form.Title ?? string.Empty,
        form.Kind,
        form.Kind == ElectionKind.SecretariatPosition || form.CommitteeId == Guid.Empty ? null : form.CommitteeId,
        form.Kind == ElectionKind.CommitteePosition ? form.Role : null,
        form.Kind == ElectionKind.SecretariatPosition ? form.Position : null,
        form.Seats), default));

    /// <summary>Runs one change, shows its refusal if any, and reloads (the bus will also tell the other screens).</summary>
    private async Task RunAsync(Func<ClaimsPrincipal, Task<Outcome<Guid>>> change)
    {
        var outcome = await change(await CurrentUser.GetPrincipalAsync());
        error = outcome.Error;
        if (outcome.Succeeded)
        {
            picked.Clear();
            eligible.Clear();
        }

        await LoadAsync();
    }

    private sealed class ElectionForm
    {
        public Guid AgendaItemId { get; set; }

        public string? Title { get; set; }

        public ElectionKind Kind { get; set; }

        public Guid CommitteeId { get; set; }

        public CommitteeRole Role { get; set; } = CommitteeRole.Chair;

        public SecretariatPosition Position { get; set; }

        public int Seats { get; set; } = 1;
    }
}
