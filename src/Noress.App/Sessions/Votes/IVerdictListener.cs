using Noress.App.Data;

namespace Noress.App.Sessions.Votes;

/// <summary>
/// Something that follows a vote's verdict (the decisions register, the minutes' approval, later the elections):
/// called when a vote closes and when its verdict is overridden, so <see cref="VoteService"/> stays unaware of them.
/// </summary>
public interface IVerdictListener
{
    /// <summary>Inside the vote's transaction, before it is saved: records what must stand or fall with the verdict.</summary>
    Task OnVerdictAsync(NoressDbContext db, Vote vote, CancellationToken ct);

    /// <summary>After the commit: slow follow-ups (a PDF) that must not hold the vote's transaction.</summary>
    Task AfterVerdictAsync(Vote vote, CancellationToken ct);
}
