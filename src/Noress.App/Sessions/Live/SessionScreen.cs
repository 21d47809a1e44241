using Microsoft.AspNetCore.Components;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.RealTime;

namespace Noress.App.Sessions.Live;

/// <summary>
/// A screen of one session that follows <see cref="Topics.Session"/>: a vote count (a <see cref="VoteSignal"/> for
/// the open vote already shown) is applied at once without reloading; every other change reloads after a short pause.
/// </summary>
public abstract class SessionScreen : ComponentBase, IDisposable
{
    /// <summary>Session screens catch up quickly: a burst of check-ins still costs one reload.</summary>
    public static readonly TimeSpan FollowDelay = TimeSpan.FromMilliseconds(150);

    private TopicFollower? follower;
    private IDisposable? votes;
    private Guid followed;

    [Inject]
    private IEventBus Bus { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>Loads what the screen shows.</summary>
    protected abstract Task ReloadAsync();

    /// <summary>Applies a vote count in place; false when the screen must reload instead (a vote it does not show opened or closed).</summary>
    protected virtual bool ApplyVoteSignal(VoteSignal signal) => false;

    /// <summary>Follows <paramref name="sessionId"/> (again when it changes); events of <paramref name="kinds"/> (null: all) reload.</summary>
    protected void Follow(Guid sessionId, IReadOnlySet<string>? kinds = null)
    {
        if (follower is not null && followed == sessionId)
        {
            return;
        }

        Unfollow();
        followed = sessionId;
        follower = TopicFollower.Start(Bus, Topics.Session(sessionId), kinds is null ? null : kinds.Where(k => k != SessionEvents.Vote).ToHashSet(), () => InvokeAsync(async () =>
        {
            try
            {
                await ReloadAsync();
                StateHasChanged();
            }
            catch (Exception e)
            {
                await DispatchExceptionAsync(e);
            }
        }), Clock, FollowDelay);
        if (kinds is null || kinds.Contains(SessionEvents.Vote))
        {
            votes = Bus.Subscribe(Topics.Session(sessionId), message => message.Kind == SessionEvents.Vote ? OnVoteAsync(message) : Task.CompletedTask);
        }
    }

    private Task OnVoteAsync(BusEvent message) => InvokeAsync(() =>
    {
        if (VoteSignal.Parse(message.Payload) is { } signal && ApplyVoteSignal(signal))
        {
            StateHasChanged();
        }
        else
        {
            follower?.Request();
        }
    });

    private void Unfollow()
    {
        follower?.Dispose();
        votes?.Dispose();
        (follower, votes) = (null, null);
    }

    public void Dispose()
    {
        Unfollow();
        GC.SuppressFinalize(this);
    }
}
