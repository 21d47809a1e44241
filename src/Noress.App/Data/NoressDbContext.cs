using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Audit;
using Noress.App.Calendar.Feed;
using Noress.App.Calendar.Reminders;
using Noress.App.Committees;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;

namespace Noress.App.Data;

public sealed class NoressDbContext(DbContextOptions<NoressDbContext> options)
    : IdentityDbContext<NoressUser, NoressRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<Committee> Committees => Set<Committee>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ReminderRule> ReminderRules => Set<ReminderRule>();

    public DbSet<ReminderDispatch> ReminderDispatches => Set<ReminderDispatch>();

    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<AuditWatch> AuditWatch => Set<AuditWatch>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentUpdate> DocumentUpdates => Set<DocumentUpdate>();

    public DbSet<DocumentSnapshot> DocumentSnapshots => Set<DocumentSnapshot>();

    public DbSet<DocumentPermission> DocumentPermissions => Set<DocumentPermission>();

    public DbSet<DocumentLabel> DocumentLabels => Set<DocumentLabel>();

    public DbSet<CommentThread> DocumentCommentThreads => Set<CommentThread>();

    public DbSet<Comment> DocumentComments => Set<Comment>();

    public DbSet<Suggestion> DocumentSuggestions => Set<Suggestion>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Two nodes may append to the audit chain at once; the unique sequence lets one win and
        // the other recompute its entries from the new head and try again. A stale version token is not
        // retried here: saving again cannot cure it, and the caller merges (it used to burn every attempt).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < MaxAuditChainAttempts
                && Database.CurrentTransaction is null && ChangeTracker.Entries<AuditEntry>().Any(a => a.State == EntityState.Added))
            {
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    // Every retry follows another writer's success, so a burst of N concurrent saves needs at most N attempts.
    private const int MaxAuditChainAttempts = 12;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NoressDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; stored without offset so the model is the same on all providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
