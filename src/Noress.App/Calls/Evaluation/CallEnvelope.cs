namespace Noress.App.Calls.Evaluation;

/// <param name="ApplicationId">The application.</param>
/// <param name="State">Its state.</param>
/// <param name="Amount">The co-financing it asks for (MAD), what selecting it commits.</param>
public sealed record EnvelopeLine(Guid ApplicationId, ApplicationState State, decimal Amount);

/// <param name="TotalAmount">The envelope's budget (MAD).</param>
/// <param name="MaxProjects">The number of projects it co-finances.</param>
/// <param name="CommittedAmount">What the selected projects take.</param>
/// <param name="CommittedProjects">How many are selected.</param>
public sealed record EnvelopeStatus(decimal TotalAmount, int MaxProjects, decimal CommittedAmount, int CommittedProjects)
{
    public decimal AvailableAmount => TotalAmount - CommittedAmount;

    public int AvailableProjects => MaxProjects - CommittedProjects;
}

/// <param name="Rank">1 for the first prize.</param>
/// <param name="Amount">Its amount (MAD).</param>
public sealed record Prize(int Rank, decimal Amount);

/// <param name="ApplicationId">The entry awarded.</param>
/// <param name="Rank">The prize's rank it holds.</param>
public sealed record PrizeAward(Guid ApplicationId, int Rank);

/// <summary>
/// Envelope arithmetic (issue 12 §12). An AMI's envelope is committed by every application selected and beyond
/// (agreement signed, instalments paid, reporting, closed); a reserve commits nothing. A selection that would take the
/// envelope beyond its amount or its number of projects is refused; the service runs this check and the save in one
/// serializable transaction so two selections at once cannot both pass.
/// </summary>
public static class CallEnvelope
{
    /// <summary>The states that hold a share of the envelope.</summary>
    public static readonly IReadOnlySet<ApplicationState> CommittingStates = new HashSet<ApplicationState>
    {
        ApplicationState.Selected,
        ApplicationState.AgreementSigned,
        ApplicationState.InstalmentsPaid,
        ApplicationState.Reporting,
        ApplicationState.Closed,
    };

    public static EnvelopeStatus Status(decimal totalAmount, int maxProjects, IEnumerable<EnvelopeLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var committed = lines.Where(l => CommittingStates.Contains(l.State)).ToList();
        return new EnvelopeStatus(totalAmount, maxProjects, committed.Sum(l => l.Amount), committed.Count);
    }

    /// <summary>Null when selecting an application asking <paramref name="amount"/> fits the envelope, else the refusal code.</summary>
    public static string? CheckSelection(EnvelopeStatus status, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (amount <= 0)
        {
            return CallsEngineCodes.SelectionAmountInvalid;
        }

        if (status.CommittedProjects + 1 > status.MaxProjects)
        {
            return CallsEngineCodes.EnvelopeProjectsExceeded;
        }

        return status.CommittedAmount + amount > status.TotalAmount ? CallsEngineCodes.EnvelopeAmountExceeded : null;
    }

    /// <summary>
    /// Null when <paramref name="applicationId"/> may receive the prize of <paramref name="rank"/>, else the refusal code:
    /// the rank must be one of the call's prizes, and each prize is awarded at most once (to another entry, it is taken).
    /// </summary>
    public static string? CheckAward(IReadOnlyList<Prize> prizes, IEnumerable<PrizeAward> awarded, Guid applicationId, int rank)
    {
        ArgumentNullException.ThrowIfNull(prizes);
        ArgumentNullException.ThrowIfNull(awarded);
        if (prizes.All(p => p.Rank != rank))
        {
            return CallsEngineCodes.PrizeRankUnknown;
        }

        return awarded.Any(a => a.Rank == rank && a.ApplicationId != applicationId) ? CallsEngineCodes.PrizeRankTaken : null;
    }

    /// <summary>The prizes still to award, by rank.</summary>
    public static IReadOnlyList<Prize> Remaining(IReadOnlyList<Prize> prizes, IEnumerable<PrizeAward> awarded)
    {
        ArgumentNullException.ThrowIfNull(prizes);
        ArgumentNullException.ThrowIfNull(awarded);
        var taken = awarded.Select(a => a.Rank).ToHashSet();
        return prizes.Where(p => !taken.Contains(p.Rank)).OrderBy(p => p.Rank).ToList();
    }
}
