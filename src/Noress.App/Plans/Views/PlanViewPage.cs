using Microsoft.AspNetCore.Components;
using Noress.App.Accounts;
using Noress.App.Shared.RealTime;

namespace Noress.App.Plans.Views;

/// <summary>
/// A view of one plan (board, timeline, dashboard): loads the <see cref="PlanView"/>, applies the filter of the URL,
/// and reloads when the plan changes on any node (<see cref="Topics.Plan"/>) or when the filter does.
/// </summary>
public abstract class PlanViewPage : FollowingComponent
{
    /// <summary>A burst of edits (a busy meeting) costs one reload.</summary>
    public static readonly TimeSpan FollowDelay = TimeSpan.FromMilliseconds(200);

    [Inject]
    protected PlanService Plans { get; set; } = default!;

    [Inject]
    protected CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public Guid PlanId { get; set; }

    /// <summary>The whole plan (null when absent or not readable).</summary>
    protected PlanView? View { get; private set; }

    /// <summary>The plan as the filter shows it.</summary>
    protected PlanView? Shown { get; private set; }

    protected PlanFilter Filter { get; private set; } = PlanFilter.None;

    protected bool Loaded { get; private set; }

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    protected override async Task OnParametersSetAsync()
    {
        Filter = PlanFilter.Parse(Navigation.Uri);
        if (!Loaded || View?.Plan.Id != PlanId)
        {
            await ReloadAsync();
            Loaded = true;
            Follow(Topics.Plan(PlanId), null, ReloadAsync, FollowDelay);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Navigation.LocationChanged -= OnLocationChanged;
        }

        base.Dispose(disposing);
    }

    // A new filter changes only the query: the route's parameters stay the same, so the router does not set them
    // again; the page follows the location itself and filters the plan it has.
    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e)
    {
        var next = PlanFilter.Parse(e.Location);
        if (next != Filter && View is not null)
        {
            Filter = next;
            Shown = Filter.Apply(View);
            Shaped();
            StateHasChanged();
        }
    }

    /// <summary>Reads the plan again (after a change, live or one's own).</summary>
    protected async Task ReloadAsync()
    {
        var user = await CurrentUser.GetPrincipalAsync();
        View = await Plans.LoadAsync(user, PlanId, CancellationToken.None);
        Shown = View is null ? null : Filter.Apply(View);
        Shaped();
    }

    /// <summary>Called when <see cref="Shown"/> changed: derive what the page draws.</summary>
    protected virtual void Shaped()
    {
    }
}
