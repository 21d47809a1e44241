using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Documents;

namespace Noress.Tests.Documents;

/// <summary>Which tracked changes move the document rights stamp (ADR 0056): those a right is judged on, and only those.</summary>
public sealed class DocumentRightsStampTests : IDisposable
{
    private readonly NoressDbContext db = new(new DbContextOptionsBuilder<NoressDbContext>().UseSqlite("Data Source=:memory:").Options);
    private readonly DocumentRightsStampInterceptor interceptor = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void AGrantSeatOrPosition_MovesIt()
    {
        db.Add(new DocumentPermission { Principal = Roles.Member, Right = DocumentRight.Edit });
        Assert.True(interceptor.ChangesRights(db.ChangeTracker));
        db.ChangeTracker.Clear();

        db.Add(new CommitteeSeat { CommitteeId = Guid.NewGuid(), InstitutionId = Guid.NewGuid() });
        Assert.True(interceptor.ChangesRights(db.ChangeTracker));
        db.ChangeTracker.Clear();

        db.Remove(db.Attach(new CommitteePosition { CommitteeId = Guid.NewGuid(), UserId = Guid.NewGuid() }).Entity);
        Assert.True(interceptor.ChangesRights(db.ChangeTracker));
    }

    [Fact]
    public void ADocument_MovesItWhenFrozenMovedOrDeleted_NotWhenRenamedOrCreated()
    {
        var document = new Document { Title = "Plan", SpaceKind = DocumentSpaceKind.Platform };
        db.Add(document);
        Assert.False(interceptor.ChangesRights(db.ChangeTracker));
        db.ChangeTracker.Clear();

        db.Attach(document).Property(d => d.Title).IsModified = true;
        Assert.False(interceptor.ChangesRights(db.ChangeTracker));

        db.Entry(document).Property(d => d.FrozenAt).IsModified = true;
        Assert.True(interceptor.ChangesRights(db.ChangeTracker));
        db.ChangeTracker.Clear();

        db.Attach(document).Property(d => d.SpaceId).IsModified = true;
        Assert.True(interceptor.ChangesRights(db.ChangeTracker));
        db.ChangeTracker.Clear();

        db.Remove(db.Attach(document).Entity);
        Assert.True(interceptor.ChangesRights(db.ChangeTracker));
    }

    [Fact]
    public void AnAccount_MovesItWhenDeactivatedOrMoved_NotForItsName()
    {
        var user = new NoressUser { Id = Guid.NewGuid(), FullName = "Amina" };
        db.Attach(user).Property(u => u.FullName).IsModified = true;
        Assert.False(interceptor.ChangesRights(db.ChangeTracker));

        db.Entry(user).Property(u => u.IsActive).IsModified = true;
        Assert.True(interceptor.ChangesRights(db.ChangeTracker));
        db.ChangeTracker.Clear();

        db.Attach(user).Property(u => u.InstitutionId).IsModified = true;
        Assert.True(interceptor.ChangesRights(db.ChangeTracker));
    }

    [Fact]
    public void UnrelatedChanges_LeaveIt()
    {
        db.Add(new Comment { Body = "Relu.", AuthorId = Guid.NewGuid() });
        db.Add(new DocumentUpdate { ClientId = "c", ChangesJson = "[]" });
        Assert.False(interceptor.ChangesRights(db.ChangeTracker));
    }
}
