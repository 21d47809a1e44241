namespace Noress.App.Calls.Outside;

/// <summary>
/// The applications of one outside initiative's account, for its own area ("my applications"). The calls feature
/// implements it over its applications; until it does, <see cref="NoOutsideApplications"/> answers none (ADR 0038).
/// </summary>
public interface IOutsideApplicantApplications
{
    /// <summary>The account's own applications, newest first; never anyone else's.</summary>
    Task<IReadOnlyList<OutsideApplicationRow>> ListAsync(Guid userId, CancellationToken ct);

    /// <summary>The published calls open to outside initiatives that accept applications now.</summary>
    Task<IReadOnlyList<OutsideCallRow>> OpenCallsAsync(CancellationToken ct);
}

/// <summary>One application as the applicant's list shows it.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="CallTitle">The call's title in the reader's language (text people typed).</param>
/// <param name="Kind">The kind of call (only competitions take outside initiatives today).</param>
/// <param name="State">Where the application stands.</param>
/// <param name="UpdatedAtUtc">When it last changed.</param>
/// <param name="Link">The application's page within the applicant's area, when there is one.</param>
/// <param name="PrizeRank">The prize's rank once results are published and the entry won one.</param>
/// <param name="CallId">The call it was made in.</param>
public sealed record OutsideApplicationRow(Guid ApplicationId, string CallTitle, CallKind Kind, ApplicationState State, DateTime UpdatedAtUtc, string? Link, int? PrizeRank = null, Guid CallId = default);

/// <summary>A call an outside initiative may apply to now.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Title">Its title in the reader's language.</param>
/// <param name="DeadlineAtUtc">Its deadline.</param>
public sealed record OutsideCallRow(Guid CallId, string Title, DateTime DeadlineAtUtc);

/// <summary>The placeholder registered with TryAdd: no applications until the calls feature registers its own.</summary>
public sealed class NoOutsideApplications : IOutsideApplicantApplications
{
    public Task<IReadOnlyList<OutsideApplicationRow>> ListAsync(Guid userId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<OutsideApplicationRow>>([]);

    public Task<IReadOnlyList<OutsideCallRow>> OpenCallsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<OutsideCallRow>>([]);
}
