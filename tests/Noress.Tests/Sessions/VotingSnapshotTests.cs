using Noress.App.Members;
using Noress.App.Sessions.Votes;

namespace Noress.Tests.Sessions;

/// <summary>The snapshot answers what the per-ballot checks answer (ADR 0052), in the same order.</summary>
public sealed class VotingSnapshotTests
{
    private static readonly Guid Titular = Guid.NewGuid(), Alternate = Guid.NewGuid(), HolderTitular = Guid.NewGuid(), Stranger = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid(), Absent = Guid.NewGuid(), Grantor = Guid.NewGuid(), Holder = Guid.NewGuid(), Suspended = Guid.NewGuid(), Unrepresented = Guid.NewGuid();

    public static TheoryData<string, Guid, Guid, string?> Cases => new()
    {
        { "titular of a present member", Titular, Member, null },
        { "alternate of a present member", Alternate, Member, null },
        { "titular of an absent member", Titular, Absent, "Error.NotCheckedIn" },
        { "a stranger for a present member", Stranger, Member, "Error.NoProxy" },
        { "the holder's titular for an absent grantor", HolderTitular, Grantor, null },
        { "a stranger for the grantor", Stranger, Grantor, "Error.NoProxy" },
        { "a suspended member, whoever casts", Titular, Suspended, "Error.InstitutionSuspended" },
        { "an unknown institution", Titular, Guid.Empty, "Error.NotFound" },
        { "a member nobody represents", Titular, Unrepresented, "Error.NoProxy" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Judge_AnswersAsTheFullCheck(string because, Guid userId, Guid institutionId, string? expected)
    {
        var snapshot = Snapshot(present: [Member, Holder, Suspended]);

        Assert.True(expected == Judge(snapshot, userId, institutionId), because);
    }

    [Fact]
    public void Judge_TheGrantorPresentOrTheHolderAbsent_RefusesTheProxy()
    {
        Assert.Equal("Error.NotCheckedIn", Judge(Snapshot(present: [Member, Holder, Grantor]), HolderTitular, Grantor));
        Assert.Equal("Error.NotCheckedIn", Judge(Snapshot(present: [Member]), HolderTitular, Grantor));
    }

    [Fact]
    public void Stamp_IsTheOneReadBeforeTheFacts()
    {
        var stamp = Guid.NewGuid();

        Assert.Equal(stamp, Snapshot(present: [], stamp: stamp).Stamp);
    }

    private static string? Judge(VotingSnapshot snapshot, Guid userId, Guid institutionId) =>
        snapshot.VotingError(institutionId) ?? snapshot.MandateError(userId, institutionId);

    private static VotingSnapshot Snapshot(IReadOnlyCollection<Guid> present, Guid? stamp = null) => new(
        Guid.NewGuid(),
        stamp ?? Guid.NewGuid(),
        new Dictionary<Guid, string?>
        {
            [Member] = null,
            [Absent] = null,
            [Grantor] = null,
            [Holder] = null,
            [Unrepresented] = null,
            [Suspended] = "Error.InstitutionSuspended",
        },
        new Dictionary<Guid, Representation>
        {
            [Member] = new(Titular, Alternate, Titular),
            [Absent] = new(Titular, null, Titular),
            [Grantor] = new(Guid.NewGuid(), null, null),
            [Holder] = new(HolderTitular, null, HolderTitular),
            [Suspended] = new(Titular, null, Titular),
        },
        present.ToHashSet(),
        new Dictionary<Guid, IReadOnlyList<Guid>> { [Grantor] = [Holder] });
}
