using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Sessions.Rules;

namespace Noress.App.Sessions.Elections;

/// <summary>
/// An election held in a session on an agenda item of kind Election: persons to a secretariat position or a
/// committee position, or institutions to committee seats. The ballot type and the rounds rule are frozen from
/// the rules in force on the session's date when it is created.
/// </summary>
public sealed class SessionElection : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SessionId { get; set; }

    public Guid AgendaItemId { get; set; }

    public required string Title { get; set; }

    public ElectionKind Kind { get; set; }

    /// <summary>The committee, for <see cref="ElectionKind.CommitteePosition"/> and <see cref="ElectionKind.CommitteeSeats"/>.</summary>
    public Guid? CommitteeId { get; set; }

    public CommitteeRole? CommitteeRole { get; set; }

    public SecretariatPosition? SecretariatPosition { get; set; }

    public int Seats { get; set; }

    public BallotKind Ballot { get; set; }

    /// <summary>How many rounds need the absolute majority before the relative one decides (rule parameter, frozen).</summary>
    public int AbsoluteRounds { get; set; }

    /// <summary>The article of the internal rules the election's majority comes from.</summary>
    public string? Article { get; set; }

    public ElectionState State { get; set; } = ElectionState.Preparing;

    /// <summary>The number of the last round opened; 0 before the first.</summary>
    public int Rounds { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the result was written into the secretariat's mandates or the committee's seats and positions.</summary>
    public DateTime? AppliedAt { get; set; }

    public Guid Version { get; set; }

    /// <summary>Candidates are persons, except when institutions are designated to committee seats.</summary>
    public bool ElectsInstitutions => Kind == ElectionKind.CommitteeSeats;
}

public enum ElectionKind
{
    SecretariatPosition,
    CommitteePosition,
    CommitteeSeats,
}

public enum ElectionState
{
    /// <summary>Candidates are being added; no round yet.</summary>
    Preparing,

    RoundOpen,

    /// <summary>A round closed with seats left: the secretariat opens a further round.</summary>
    BetweenRounds,

    /// <summary>Every seat is filled, the result is not written into the bodies yet (it conflicted with a position in force).</summary>
    Decided,

    /// <summary>Every seat is filled and the result is written into the bodies.</summary>
    Applied,
}

/// <summary>A candidate: a person, or an institution for committee seats. Added by the secretariat; consent is not recorded.</summary>
public sealed class ElectionCandidate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ElectionId { get; set; }

    public Guid? PersonId { get; set; }

    public Guid? InstitutionId { get; set; }

    /// <summary>The round that elected the candidate.</summary>
    public int? ElectedInRound { get; set; }

    /// <summary>Withdrawn from the rounds after this one (a further round with fewer candidates).</summary>
    public int? WithdrawnAfterRound { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>May still be chosen: neither elected nor withdrawn.</summary>
    public bool IsStanding => ElectedInRound is null && WithdrawnAfterRound is null;
}

/// <summary>
/// One round of an election. While open only how many have voted is shown; at close the counts, the quorum at its
/// opening and what it decided are frozen here.
/// </summary>
public sealed class ElectionRound
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ElectionId { get; set; }

    public int Number { get; set; }

    public ElectionRoundState State { get; set; } = ElectionRoundState.Open;

    /// <summary>The seats still to fill when the round opened: how many names a ballot may carry.</summary>
    public int Seats { get; set; }

    /// <summary>Absolute majority needed (the round is among the first <see cref="SessionElection.AbsoluteRounds"/>).</summary>
    public bool Absolute { get; set; }

    public int MembersAtOpening { get; set; }

    public int PresentAtOpening { get; set; }

    public int RepresentedAtOpening { get; set; }

    public int QuorumRequiredAtOpening { get; set; }

    public bool QuorumReachedAtOpening { get; set; }

    /// <summary>Raised in the same transaction as each ballot; the conditional update that raises it refuses ballots once closed.</summary>
    public int Participations { get; set; }

    public int? BallotsCast { get; set; }

    public int? Blank { get; set; }

    /// <summary>How many were elected in this round.</summary>
    public int? ElectedCount { get; set; }

    /// <summary>Several candidates tied for the last seat: another round decides.</summary>
    public bool Tied { get; set; }

    public bool ClosedWithoutQuorum { get; set; }

    public DateTime OpenedAt { get; set; }

    public Guid? OpenedById { get; set; }

    public DateTime? ClosedAt { get; set; }

    public Guid? ClosedById { get; set; }
}

public enum ElectionRoundState
{
    Open,
    Closed,
}

/// <summary>How many ballots named one candidate in one closed round.</summary>
public sealed class ElectionTally
{
    public Guid RoundId { get; set; }

    public Guid CandidateId { get; set; }

    public int Votes { get; set; }
}

/// <summary>"This institution took part in this secret round": the key (round, institution) refuses a second one on any node.</summary>
public sealed class ElectionParticipation : Audit.IAuditExempt
{
    public Guid RoundId { get; set; }

    public Guid InstitutionId { get; set; }
}

/// <summary>
/// What one secret election ballot says, and nothing else: a random id, the round and the chosen candidates
/// (sorted, empty when blank). No voter, no time, no sequence; kept out of the audit chain and the logs.
/// </summary>
public sealed class ElectionBallot : Audit.IAuditExempt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid RoundId { get; set; }

    /// <summary>Candidate ids in ascending order, comma-separated; empty for a blank ballot.</summary>
    public string Choices { get; set; } = string.Empty;
}

/// <summary>An open election's ballot: the institution is named, by design (the rules may make elections open).</summary>
public sealed class OpenElectionChoice : Audit.IAuditExempt
{
    public Guid RoundId { get; set; }

    public Guid InstitutionId { get; set; }

    public string Choices { get; set; } = string.Empty;

    public Guid CastById { get; set; }

    public DateTime CastAt { get; set; }
}

/// <summary>A seat of the permanent secretariat, elected in plenary.</summary>
public enum SecretariatPosition
{
    Coordinator,
    DeputyCoordinator,
    Secretary,
    Treasurer,
    Member,
}

/// <summary>A person's mandate on the permanent secretariat, with its dates; ends are set once, like representatives'.</summary>
public sealed class SecretariatMandate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UserId { get; set; }

    public SecretariatPosition Position { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    /// <summary>The election that conferred it, when there was one.</summary>
    public Guid? ElectionId { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsInForce(DateOnly date) => StartsOn <= date && (EndsOn is not { } end || end >= date);
}
