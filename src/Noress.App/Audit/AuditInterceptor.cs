using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Noress.App.Data;

namespace Noress.App.Audit;

/// <summary>
/// Appends one hash-chained <see cref="AuditEntry"/> per inserted, updated or deleted entity,
/// in the same SaveChanges (and so the same transaction) as the change itself.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Secrets never go into the trail; the fact that they changed does.
    private static readonly HashSet<string> RedactedProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "Value", "Xml"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            AppendAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await AppendAsync(context, cancellationToken);
        }

        return result;
    }

    private async Task AppendAsync(DbContext context, CancellationToken ct)
    {
        // A retried save (see NoressDbContext) recomputes the chain from the current head.
        foreach (var stale in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            stale.State = EntityState.Detached;
        }

        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => AuditExemptions.IsAudited(e.Metadata.ClrType))
            .Where(e => e.State != EntityState.Modified || !AuditExemptions.IsPreferenceOnly(e.Metadata.ClrType, ChangedProperties(e)))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var head = await context.Set<AuditEntry>()
            .AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? AuditChain.GenesisHash;
        var actor = AuditActorContext.Actor;
        var now = TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);

        foreach (var entry in changed)
        {
            var audit = new AuditEntry
            {
                Sequence = ++sequence,
                OccurredAt = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Insert,
                    EntityState.Deleted => AuditAction.Delete,
                    _ => AuditAction.Update,
                },
                Changes = ChangesOf(entry),
                PreviousHash = previousHash,
                Hash = string.Empty,
            };
            audit.Hash = AuditChain.ComputeHash(audit);
            previousHash = audit.Hash;
            context.Add(audit);
        }
    }

    // PostgreSQL and SQL Server keep microseconds; hashing the stored precision keeps verification stable.
    private static DateTime TruncateToMicroseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return string.Empty;
        }

        return string.Join(',', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static IEnumerable<string> ChangedProperties(EntityEntry entry) =>
        entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name);

    private static string ChangesOf(EntityEntry entry)
    {
        var changes = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            var include = entry.State switch
            {
                EntityState.Modified => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                _ => true,
            };
            if (!include || name == nameof(IVersioned.Version))
            {
                continue;
            }

            var redacted = RedactedProperties.Contains(name);
            changes[name] = new JsonObject
            {
                ["old"] = entry.State == EntityState.Added ? null : ToJson(property.OriginalValue, redacted),
                ["new"] = entry.State == EntityState.Deleted ? null : ToJson(property.CurrentValue, redacted),
            };
        }

        return changes.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonNode? ToJson(object? value, bool redacted) =>
        value is null ? null
        : redacted ? JsonValue.Create("***")
        : JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
}
