using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Noress.App.Audit;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Sessions.Attendance;

namespace Noress.App.Sessions.Votes;

/// <summary>
/// The one row whose <see cref="Value"/> takes a fresh random value in every transaction that changes who may vote
/// (standing, memorandum, representatives, committee seats, check-ins, proxies, a session's date or convocation).
/// A node's <see cref="VotingSnapshots"/> remembers the value it read before its facts; the group commit reads the row in
/// its own transaction and sends a ballot judged on an older value back to the full check (ADR 0052).
/// </summary>
public sealed class VotingRightsStamp : IAuditExempt, IRightsStamp
{
    /// <summary>The only row's key.</summary>
    public const int RowId = IRightsStamp.RowId;

    public int Id { get; set; } = RowId;

    /// <summary>Random, never incremented: two concurrent changes that both write it still leave a value no snapshot saw.</summary>
    public Guid Value { get; set; }
}

internal sealed class VotingRightsStampConfiguration()
    : RightsStampConfiguration<VotingRightsStamp>("VotingRightsStamps", Guid.Parse("0b7f4c1e-52a4-4c55-9d0e-5a2f1c3d4e01"));

/// <summary>Gives <see cref="VotingRightsStamp"/> a new value with any change to the facts a ballot is judged on.</summary>
public sealed class VotingRightsStampInterceptor : RightsStampInterceptor<VotingRightsStamp>
{
    // A session's rights change with its date (standing and mandates are judged on it), its convocation (presence) or its body.
    private static readonly string[] SessionRightsProperties =
        [nameof(Session.StartsAt), nameof(Session.Convocation), nameof(Session.State), nameof(Session.Body), nameof(Session.CommitteeId)];

    protected override bool Concerns(EntityEntry entry) => entry.Entity switch
    {
        Institution or MouSignature or RepresentativeMandate or CommitteeSeat or SessionAttendance or SessionProxy => true,
        Session => entry.State != EntityState.Modified || SessionRightsProperties.Any(p => entry.Property(p).IsModified),
        _ => false,
    };
}
