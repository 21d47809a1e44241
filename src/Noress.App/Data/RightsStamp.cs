using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Data;

/// <summary>
/// A one-row table whose <see cref="Value"/> takes a fresh random value in every transaction that changes some rights.
/// Whoever judged a request on facts read after the value can tell, by reading it again, whether the judgement still
/// stands (ADR 0052 for ballots, ADR 0056 for document pushes).
/// </summary>
public interface IRightsStamp
{
    /// <summary>The only row's key.</summary>
    const int RowId = 1;

    int Id { get; set; }

    /// <summary>Random, never incremented: two concurrent changes that both write it still leave a value nobody saw.</summary>
    Guid Value { get; set; }
}

/// <summary>
/// Gives <typeparamref name="TStamp"/> a new value in the same SaveChanges (so the same transaction) as any change that
/// <see cref="Concerns"/> says moves the rights. A change made with ExecuteUpdate/ExecuteDelete is not seen here: the
/// ADR 0004 table lists every file that writes that way, and none writes the facts a stamp stands for.
/// </summary>
public abstract class RightsStampInterceptor<TStamp> : SaveChangesInterceptor
    where TStamp : class, IRightsStamp, new()
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Whether the tracked changes move the rights this stamp stands for.</summary>
    public bool ChangesRights(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Concerns(e));

    /// <summary>Whether this added, modified or deleted entry moves the rights.</summary>
    protected abstract bool Concerns(EntityEntry entry);

    private void Bump(DbContext? context)
    {
        if (context is null || !ChangesRights(context.ChangeTracker))
        {
            return;
        }

        var tracked = context.ChangeTracker.Entries<TStamp>().FirstOrDefault();
        var entry = tracked ?? context.Attach(new TStamp { Id = IRightsStamp.RowId });
        entry.Entity.Value = Guid.NewGuid();
        entry.Property(s => s.Value).IsModified = true;
    }
}

/// <summary>The one-row table of a rights stamp, seeded so that every change only updates it.</summary>
internal abstract class RightsStampConfiguration<TStamp>(string table, Guid seed) : IEntityTypeConfiguration<TStamp>
    where TStamp : class, IRightsStamp, new()
{
    public void Configure(EntityTypeBuilder<TStamp> builder)
    {
        builder.ToTable(table);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        // Seeded, so every change only updates it (concurrent first inserts would collide on the key).
        builder.HasData(new TStamp { Id = IRightsStamp.RowId, Value = seed });
    }
}
