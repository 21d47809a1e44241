using Microsoft.AspNetCore.Components;
using Noress.App.Shared.RealTime;

namespace Noress.App.Documents.History;

/// <summary>A page about one document (<see cref="Id"/>) that refreshes itself when the document changes elsewhere.</summary>
public abstract class DocumentFollowingPage : FollowingComponent
{
    [Parameter]
    public Guid Id { get; set; }

    /// <summary>Follows <see cref="Id"/> (again when it changes): events of <paramref name="kinds"/> run <paramref name="refresh"/> on the renderer.</summary>
    protected void Follow(IReadOnlySet<string> kinds, Func<Task> refresh) => Follow(Topics.Document(Id), kinds, refresh);
}
