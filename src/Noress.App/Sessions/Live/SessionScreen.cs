using Noress.App.Sessions.Votes;
using Noress.App.Shared.RealTime;

namespace Noress.App.Sessions.Live;

/// <summary>
/// A screen of one session that follows <see cref="Topics.Session"/>: a vote count (a <see cref="VoteSignal"/> for
/// the open vote already shown) is applied at once without reloading; every other change reloads after a short pause.
/// </summary>
public abstract class SessionScreen : FollowingComponent
{
    /// <summary>Session screens catch up quickly: a burst of check-ins still costs one reload.</summary>
    public static readonly TimeSpan FollowDelay = TimeSpan.FromMilliseconds(150);

    private IDisposable? votes;
    private Guid? followed;

    /// <summary>Loads what the screen shows.</summary>
    protected abstract Task ReloadAsync();

    /// <summary>Applies a vote count in place; false when the screen must reload instead (a vote it does not show opened or closed).</summary>
    protected virtual bool ApplyVoteSignal(VoteSignal signal) => false;

    /// <summary>Follows <paramref name="sessionId"/> (again when it changes); events of <paramref name="kinds"/> (null: all) reload.</summary>
    protected void Follow(Guid sessionId, IReadOnlySet<string>? kinds = null)
    {
        if (followed == sessionId)
        {
            return;
        }

        votes?.Dispose();
        votes = null;
        followed = sessionId;
        Follow(Topics.Session(sessionId), kinds is null ? null : kinds.Where(k => k != SessionEvents.Vote).ToHashSet(), ReloadAsync, FollowDelay);
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
            RequestRefresh();
        }
    });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            votes?.Dispose();
            votes = null;
        }

        base.Dispose(disposing);
    }
}
