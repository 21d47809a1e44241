using Noress.App.Documents;

namespace Noress.Tests.Documents;

public sealed class RevisionGroupingTests
{
    private static readonly Guid Amina = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Youssef = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly DateTime Start = new(2026, 3, 5, 10, 0, 0, DateTimeKind.Utc);

    private static RevisionPoint At(int version, Guid user, double minutes) => new(version, user, Start.AddMinutes(minutes));

    [Fact]
    public void GroupRevisions_SameAuthorWithoutPause_IsOneRevision()
    {
        var revisions = DocumentHistoryService.GroupRevisions([At(1, Amina, 0), At(2, Amina, 1), At(3, Amina, 5)]);

        var revision = Assert.Single(revisions);
        Assert.Equal((1, 3, 3), (revision.FromVersion, revision.ToVersion, revision.UpdateCount));
        Assert.Equal((Start, Start.AddMinutes(5)), (revision.Start, revision.End));
    }

    [Fact]
    public void GroupRevisions_PauseLongerThanFiveMinutes_StartsANewRevision()
    {
        var revisions = DocumentHistoryService.GroupRevisions([At(1, Amina, 0), At(2, Amina, 5.5)]);

        Assert.Equal([(1, 1), (2, 2)], revisions.Select(r => (r.FromVersion, r.ToVersion)));
    }

    [Fact]
    public void GroupRevisions_AuthorsTakingTurns_SplitAtEachChange()
    {
        var revisions = DocumentHistoryService.GroupRevisions([At(1, Amina, 0), At(2, Youssef, 0.1), At(3, Youssef, 0.2), At(4, Amina, 0.3)]);

        Assert.Equal([(Amina, 1, 1), (Youssef, 2, 3), (Amina, 4, 4)], revisions.Select(r => (r.UserId, r.FromVersion, r.ToVersion)));
    }

    [Fact]
    public void GroupRevisions_NoUpdates_IsEmpty() =>
        Assert.Empty(DocumentHistoryService.GroupRevisions([]));
}
