using Microsoft.AspNetCore.Components;
using Noress.App.Shared.RealTime;

namespace Noress.App.Documents.History;

/// <summary>A page about one document (<see cref="Id"/>) that refreshes itself when the document changes elsewhere.</summary>
public abstract class DocumentFollowingPage : ComponentBase, IDisposable
{
    private TopicFollower? follower;
    private Guid followed;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private IEventBus Bus { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>Follows <see cref="Id"/> (again when it changes): events of <paramref name="kinds"/> run <paramref name="refresh"/> on the renderer.</summary>
    protected void Follow(IReadOnlySet<string> kinds, Func<Task> refresh)
    {
        if (follower is not null && followed == Id)
        {
            return;
        }

        follower?.Dispose();
        followed = Id;
        follower = TopicFollower.Start(Bus, Topics.Document(Id), kinds, () => InvokeAsync(async () =>
        {
            try
            {
                await refresh();
                StateHasChanged();
            }
            catch (Exception e)
            {
                // A failure off the UI event loop still reaches the error boundary like any other.
                await DispatchExceptionAsync(e);
            }
        }), Clock);
    }

    public void Dispose()
    {
        follower?.Dispose();
        GC.SuppressFinalize(this);
    }
}
