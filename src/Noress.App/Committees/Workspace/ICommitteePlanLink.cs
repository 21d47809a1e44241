using System.Security.Claims;

namespace Noress.App.Committees.Workspace;

/// <summary>
/// Where a committee's thematic action plan is, for the workspace's plan slot. The plans feature replaces the
/// default (<see cref="NoCommitteePlanLink"/>) by registering its own; the slot renders nothing while there is none.
/// </summary>
public interface ICommitteePlanLink
{
    /// <summary>The committee's plan as <paramref name="caller"/> may see it, or null when there is none or not for them (the slot then renders nothing).</summary>
    Task<CommitteePlanLinkInfo?> FindAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken cancellationToken);
}

/// <param name="Href">App-relative address of the plan.</param>
/// <param name="Title">The plan's title in the current UI culture.</param>
/// <param name="ProgressPercent">Its rolled-up progress, when the plan knows it.</param>
public sealed record CommitteePlanLinkInfo(string Href, string Title, int? ProgressPercent = null);

/// <summary>No plans feature: no committee has a plan.</summary>
public sealed class NoCommitteePlanLink : ICommitteePlanLink
{
    public Task<CommitteePlanLinkInfo?> FindAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken cancellationToken) => Task.FromResult<CommitteePlanLinkInfo?>(null);
}
