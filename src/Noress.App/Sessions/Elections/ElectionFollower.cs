using Microsoft.AspNetCore.Components;
using Noress.App.Shared.RealTime;

namespace Noress.App.Sessions.Elections;

/// <summary>An election component that follows its session's topic and reloads when an election, the attendance or the session changes.</summary>
public abstract class ElectionFollower : ComponentBase, IDisposable
{
    private static readonly IReadOnlySet<string> Kinds = new HashSet<string> { SessionEvents.Election, SessionEvents.Attendance, SessionEvents.State };
    private TopicFollower? follower;

    [Parameter, EditorRequired]
    public Guid SessionId { get; set; }

    [Inject]
    private IEventBus Bus { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>Loads what the component shows.</summary>
    protected abstract Task LoadAsync();

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            follower = TopicFollower.Start(Bus, Topics.Session(SessionId), Kinds, () => InvokeAsync(async () =>
            {
                try
                {
                    await LoadAsync();
                    StateHasChanged();
                }
                catch (Exception e)
                {
                    await DispatchExceptionAsync(e);
                }
            }), Clock);
        }
    }

    public void Dispose()
    {
        follower?.Dispose();
        GC.SuppressFinalize(this);
    }
}
