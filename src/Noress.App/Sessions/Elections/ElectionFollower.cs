using Microsoft.AspNetCore.Components;
using Noress.App.Shared.RealTime;

namespace Noress.App.Sessions.Elections;

/// <summary>An election component that follows its session's topic and reloads when an election, the attendance or the session changes.</summary>
public abstract class ElectionFollower : FollowingComponent
{
    private static readonly IReadOnlySet<string> Kinds = new HashSet<string> { SessionEvents.Election, SessionEvents.Attendance, SessionEvents.State };

    [Parameter, EditorRequired]
    public Guid SessionId { get; set; }

    /// <summary>Loads what the component shows.</summary>
    protected abstract Task LoadAsync();

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            Follow(Topics.Session(SessionId), Kinds, LoadAsync);
        }
    }
}
