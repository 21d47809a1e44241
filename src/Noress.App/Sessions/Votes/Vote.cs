using Noress.App.Data;
using Noress.App.Sessions.Rules;

namespace Noress.App.Sessions.Votes;

/// <summary>
/// A vote on a motion, open (names shown) or secret. The rule, the quorum at its opening and, once closed,
/// the counts and the verdict are frozen on the row.
/// </summary>
public sealed class Vote : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SessionId { get; set; }

    public Guid? AgendaItemId { get; set; }

    public required string Question { get; set; }

    public BallotKind Ballot { get; set; }

    public VoteState State { get; set; } = VoteState.Open;

    public MajorityKind MajorityKind { get; set; }

    public MajorityBase MajorityBase { get; set; }

    public bool AbstentionsCount { get; set; }

    /// <summary>The article of the internal rules the majority comes from.</summary>
    public string? MajorityArticle { get; set; }

    public int MembersAtOpening { get; set; }

    public int PresentAtOpening { get; set; }

    public int RepresentedAtOpening { get; set; }

    public int QuorumRequiredAtOpening { get; set; }

    public bool QuorumReachedAtOpening { get; set; }

    public DateTime OpenedAt { get; set; }

    public Guid? OpenedById { get; set; }

    public DateTime? ClosedAt { get; set; }

    public Guid? ClosedById { get; set; }

    /// <summary>
    /// How many institutions have voted, raised in the same transaction as each choice or participation; the
    /// conditional update that raises it is also what refuses a ballot once the vote is closed.
    /// </summary>
    public int Participations { get; set; }

    public int? For { get; set; }

    public int? Against { get; set; }

    public int? Abstain { get; set; }

    /// <summary>The number the majority was measured against, stated with the result.</summary>
    public int? BaseCount { get; set; }

    public int? RequiredFor { get; set; }

    /// <summary>The verdict computed at close from the rule.</summary>
    public Verdict? ComputedVerdict { get; set; }

    /// <summary>The verdict in force: the computed one, unless overridden with a written reason.</summary>
    public Verdict? Verdict { get; set; }

    public string? OverrideReason { get; set; }

    public Guid? OverriddenById { get; set; }

    /// <summary>Closed although the quorum was not reached when the vote opened.</summary>
    public bool ClosedWithoutQuorum { get; set; }

    public Guid Version { get; set; }
}

public enum VoteState
{
    Open,
    Closed,
}

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}

/// <summary>An open vote's choice: the institution is named, by design.</summary>
public sealed class OpenVoteChoice : Audit.IAuditExempt
{
    public Guid VoteId { get; set; }

    public Guid InstitutionId { get; set; }

    public VoteChoice Choice { get; set; }

    /// <summary>The person who cast it (the representative, or the holder of a proxy).</summary>
    public Guid CastById { get; set; }

    public DateTime CastAt { get; set; }
}

/// <summary>
/// "This institution took part in this secret vote": the primary key (vote, institution) lets the database
/// count a second submission out, whichever node it reaches. Nothing here says what the ballot says.
/// </summary>
public sealed class VoteParticipation : Audit.IAuditExempt
{
    public Guid VoteId { get; set; }

    public Guid InstitutionId { get; set; }
}

/// <summary>
/// What one secret ballot says, and nothing else: a random id, the vote, the choice. No voter, no time, no
/// sequence, so it cannot be joined to a participation. Kept out of the audit chain and the logs.
/// </summary>
public sealed class SecretBallot : Audit.IAuditExempt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid VoteId { get; set; }

    public VoteChoice Choice { get; set; }
}

/// <summary>
/// What a vote event on the session's topic says: which vote, its state and how many institutions have voted,
/// so hundreds of screens can show the count as ballots arrive without each reloading the vote.
/// </summary>
public sealed record VoteSignal(Guid VoteId, VoteState State, int Participations)
{
    public string ToPayload() => System.Text.Json.JsonSerializer.Serialize(this);

    public static VoteSignal? Parse(string? payload)
    {
        try
        {
            return payload is null ? null : System.Text.Json.JsonSerializer.Deserialize<VoteSignal>(payload);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
