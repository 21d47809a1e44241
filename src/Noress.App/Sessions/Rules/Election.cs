namespace Noress.App.Sessions.Rules;

/// <param name="Elected">Candidates elected this round, best first.</param>
/// <param name="SeatsLeft">Seats still to fill; more than zero means a further round.</param>
/// <param name="Tied">Candidates tied for the last seat when a relative round could not decide.</param>
public sealed record ElectionRoundOutcome(IReadOnlyList<Guid> Elected, int SeatsLeft, IReadOnlyList<Guid> Tied)
{
    public bool NeedsAnotherRound => SeatsLeft > 0;
}

/// <summary>
/// Elections by rounds: in the first <c>absoluteRounds</c> rounds a candidate needs more than half of the
/// ballots cast (blank ballots included); afterwards the most voted win (relative majority). A tie for the
/// last seat is never broken by age or lot here: it asks for another round.
/// </summary>
public static class Election
{
    public static ElectionRoundOutcome DecideRound(IReadOnlyDictionary<Guid, int> votes, int ballotsCast, int seats, int round, int absoluteRounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seats, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        var ranked = votes.Where(v => v.Value > 0).OrderByDescending(v => v.Value).ThenBy(v => v.Key).ToList();
        if (round <= absoluteRounds)
        {
            var elected = ranked.Where(v => v.Value * 2 > ballotsCast).ToList();
            // With several seats more candidates than seats may pass half only if ballots carry several names;
            // the tie for the last seat then goes to another round.
            return Fill(elected, seats);
        }

        return Fill(ranked, seats);
    }

    private static ElectionRoundOutcome Fill(IReadOnlyList<KeyValuePair<Guid, int>> ranked, int seats)
    {
        if (ranked.Count <= seats)
        {
            return new ElectionRoundOutcome([.. ranked.Select(r => r.Key)], seats - ranked.Count, []);
        }

        var cutoff = ranked[seats - 1].Value;
        var above = ranked.Where(r => r.Value > cutoff).Select(r => r.Key).ToList();
        var atCutoff = ranked.Where(r => r.Value == cutoff).Select(r => r.Key).ToList();
        if (above.Count + atCutoff.Count <= seats)
        {
            return new ElectionRoundOutcome([.. above, .. atCutoff], seats - above.Count - atCutoff.Count, []);
        }

        return new ElectionRoundOutcome(above, seats - above.Count, atCutoff);
    }
}
