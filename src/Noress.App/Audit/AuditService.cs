using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Shared.Time;

namespace Noress.App.Audit;

/// <summary>Reads and verifies the audit trail; administrators only.</summary>
public sealed class AuditService(
    IDbContextFactory<NoressDbContext> dbFactory, CurrentUser currentUser, AuditMonitor monitor, IEnumerable<IAuditSubjectSource> subjectSources)
{
    /// <summary>Entries read per round trip while verifying, so memory stays flat on a long trail.</summary>
    public const int VerifyBatchSize = 500;

    public async Task<AuditPage> SearchAsync(AuditQuery query, int skip, int take, CancellationToken ct)
    {
        await EnsureAdministratorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = Filter(db.AuditEntries.AsNoTracking(), query);
        var total = await entries.CountAsync(ct);
        var page = await entries.OrderByDescending(a => a.Sequence).Skip(skip).Take(take).ToListAsync(ct);
        var subjects = await DescribeAsync(page, ct);
        return new AuditPage([.. page.Select(e => ToRow(e) with { Subject = subjects.GetValueOrDefault((e.EntityType, e.EntityId)) })], total);
    }

    // Each feature names its own objects; types without a source (or deleted objects) keep their raw id.
    private async Task<Dictionary<(string Type, string Id), AuditSubject>> DescribeAsync(IReadOnlyList<AuditEntry> page, CancellationToken ct)
    {
        var subjects = new Dictionary<(string Type, string Id), AuditSubject>();
        foreach (var group in page.GroupBy(e => e.EntityType, StringComparer.Ordinal))
        {
            if (subjectSources.FirstOrDefault(s => s.EntityTypes.Contains(group.Key)) is not { } source)
            {
                continue;
            }

            var names = await source.DescribeAsync(group.Key, [.. group.Select(e => e.EntityId).Distinct()], ct);
            foreach (var (id, subject) in names)
            {
                subjects[(group.Key, id)] = subject;
            }
        }

        return subjects;
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct)
    {
        await EnsureAdministratorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>
    /// Walks the whole chain in batches and checks it against the latest signed checkpoint; an intact head is
    /// anchored in a new checkpoint and a break alerts the administrators (once), as the scheduled runs do.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await EnsureAdministratorAsync();
        return (await monitor.RunAsync(full: true, ct)).Verification;
    }

    /// <summary>The latest checkpoint and the outcome of the latest verification, for the audit page.</summary>
    public async Task<AuditStatus> StatusAsync(CancellationToken ct)
    {
        await EnsureAdministratorAsync();
        return await monitor.StatusAsync(ct);
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim().ToLowerInvariant();
            entries = entries.Where(a => a.UserName != null && a.UserName.ToLower().Contains(user));
        }

        if (query.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        // Days are Casablanca days, as the page shows them: 00:30 local on the 5th is 23:30 UTC on the 4th.
        if (query.From is { } from)
        {
            var start = LocalMidnightUtc(from);
            entries = entries.Where(a => a.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            // The end date is inclusive: everything before the next local midnight.
            var end = LocalMidnightUtc(to.AddDays(1));
            entries = entries.Where(a => a.OccurredAt < end);
        }

        return entries;
    }

    internal static DateTime LocalMidnightUtc(DateOnly day) =>
        DateTime.SpecifyKind(NoressClock.ToUtc(day.ToDateTime(TimeOnly.MinValue)), DateTimeKind.Utc);

    internal static AuditRow ToRow(AuditEntry entry) =>
        new(entry.Sequence, entry.OccurredAt, entry.UserName, entry.EntityType, entry.EntityId, entry.Action, ParseChanges(entry.Changes));

    /// <summary>Reads the interceptor's JSON (property → { old, new }); unreadable content is shown raw rather than hidden.</summary>
    internal static IReadOnlyList<AuditFieldChange> ParseChanges(string changes)
    {
        try
        {
            using var document = JsonDocument.Parse(changes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new AuditFieldChange("?", null, changes)];
            }

            return [.. document.RootElement.EnumerateObject().Select(p => new AuditFieldChange(p.Name, ValueOf(p.Value, "old"), ValueOf(p.Value, "new")))];
        }
        catch (JsonException)
        {
            return [new AuditFieldChange("?", null, changes)];
        }
    }

    private static string? ValueOf(JsonElement change, string name) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private async Task EnsureAdministratorAsync()
    {
        var user = await currentUser.GetPrincipalAsync();
        if (!user.IsInRole(Roles.Administrator))
        {
            throw new UnauthorizedAccessException("Only administrators may read the audit trail.");
        }
    }
}

/// <summary>The audit page's filters; <c>From</c> and <c>To</c> are Casablanca calendar days, both included.</summary>
public sealed record AuditQuery(string? EntityType = null, string? User = null, AuditAction? Action = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

public sealed record AuditRow(long Sequence, DateTime OccurredAt, string? UserName, string EntityType, string EntityId, AuditAction Action, IReadOnlyList<AuditFieldChange> Changes)
{
    /// <summary>The object's current name and page, from the feature that owns it; null when unknown or deleted.</summary>
    public AuditSubject? Subject { get; init; }
}

public sealed record AuditFieldChange(string Field, string? Old, string? New);

/// <param name="Verified">The last sequence found intact (from the first entry, the number of intact entries).</param>
/// <param name="Break">The first broken link, or null when the chain is intact.</param>
public sealed record AuditVerification(long Verified, AuditChainBreak? Break)
{
    public bool IsIntact => Break is null;
}
