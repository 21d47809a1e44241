using Microsoft.Extensions.DependencyInjection;

namespace Noress.App.Committees.Workspace;

/// <summary>
/// One feature's contribution to a committee's activity feed (documents, meetings, decisions, recommendations,
/// and the action plans' source from their branch). Register with <c>services.AddCommitteeActivitySource&lt;T&gt;()</c>;
/// the workspace merges every source newest first. The workspace has already checked that the viewer may see the
/// committee's private content, so a source lists everything of the committee; publish on
/// <c>Topics.Committee(id)</c> (<see cref="CommitteeLive"/>) when it changes so open feeds reload.
/// </summary>
public interface ICommitteeActivitySource
{
    /// <summary>The committee's latest events of this source, newest first, at most <paramref name="take"/>; texts in the current UI culture.</summary>
    Task<IReadOnlyList<CommitteeActivity>> ListAsync(Guid committeeId, int take, CancellationToken cancellationToken);
}

/// <param name="AtUtc">When it happened (UTC).</param>
/// <param name="Kind">A <see cref="CommitteeEvents"/> kind, which chooses the icon.</param>
/// <param name="Text">What happened, in the current UI culture (names of people and documents as written).</param>
/// <param name="Link">App-relative page of what changed, or null.</param>
public sealed record CommitteeActivity(DateTime AtUtc, string Kind, string Text, string? Link);

public static class CommitteeActivityServiceCollectionExtensions
{
    public static IServiceCollection AddCommitteeActivitySource<TSource>(this IServiceCollection services)
        where TSource : class, ICommitteeActivitySource
    {
        services.AddScoped<ICommitteeActivitySource, TSource>();
        return services;
    }
}
