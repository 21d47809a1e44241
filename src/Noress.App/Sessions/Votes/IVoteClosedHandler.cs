using Noress.App.Data;

namespace Noress.App.Sessions.Votes;

/// <summary>
/// What other features do when a vote closes (an amendment adopted, a decision registered), in the closing
/// transaction: the context handed over is saved and committed with the vote, so the result and its effects
/// are stored together or not at all.
/// </summary>
public interface IVoteClosedHandler
{
    /// <summary>Adds its changes to <paramref name="db"/> (not saved yet); returns the <see cref="SessionEvents"/> kinds to announce after the commit.</summary>
    /// <param name="db">The context the vote is closed in.</param>
    /// <param name="vote">The vote with its frozen result and verdict.</param>
    /// <param name="ct">Cancellation.</param>
    Task<IReadOnlyList<string>> OnClosedAsync(NoressDbContext db, Vote vote, CancellationToken ct);
}
