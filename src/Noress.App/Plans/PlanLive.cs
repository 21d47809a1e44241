using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Shared.RealTime;

namespace Noress.App.Plans;

/// <summary>The kinds of change published on <see cref="Topics.Plan"/>.</summary>
public static class PlanEvents
{
    /// <summary>Values of existing rows changed (fields, partners, indicators, measures, evidence): re-render those rows and their ancestors.</summary>
    public const string Items = "items";

    /// <summary>Rows were added, moved or removed: the tree's shape changed.</summary>
    public const string Structure = "structure";

    /// <summary>The plan itself (its titles) changed.</summary>
    public const string Plan = "plan";
}

/// <summary>A row a change touched, with its new version (null when the row was removed).</summary>
public sealed record PlanChangedItem(Guid Id, Guid? Version);

/// <summary>
/// The payload of a plan event: the rows changed and their ancestors, whose rolled-up values may have moved too.
/// A grid reloads the view and re-renders only these rows.
/// </summary>
public sealed record PlanChange(IReadOnlyList<PlanChangedItem> Items, IReadOnlyList<Guid> Ancestors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Every page of a plan on a node hears the same event object: its payload is read once, not once per page (ADR 0057).
    private static readonly ConditionalWeakTable<string, StrongBox<PlanChange?>> Parsed = new();

    /// <summary>Names this change, so a node reads it once however many of its pages heard it (PlanViewCache).</summary>
    public Guid ChangeId { get; init; } = Guid.NewGuid();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The payload of a bus event; null when absent or unreadable (then reload everything).</summary>
    /// <remarks>Read once per payload string: the result is shared, so it must not be changed.</remarks>
    public static PlanChange? Parse(string? payload) =>
        string.IsNullOrEmpty(payload) ? null : Parsed.GetValue(payload, p => new StrongBox<PlanChange?>(Read(p))).Value;

    private static PlanChange? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<PlanChange>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Tells every screen of a plan, on every node, what changed, after the change is committed; a thematic plan's
/// committee workspace hears of it too (its feed lists plan changes).
/// </summary>
public sealed class PlanLive(IEventBus bus, IDbContextFactory<NoressDbContext> dbFactory, ILogger<PlanLive> logger)
{
    // A plan's committee never changes: looked up once per plan and node.
    private readonly ConcurrentDictionary<Guid, Guid?> committees = new();

    public async Task ChangedAsync(Guid planId, string kind, PlanChange? change = null)
    {
        try
        {
            // Every change carries a payload with its id, even a change of the plan itself.
            await bus.PublishAsync(Topics.Plan(planId), new BusEvent(kind, (change ?? new PlanChange([], [])).ToJson()), CancellationToken.None);
            if (await CommitteeOfAsync(planId) is { } committeeId)
            {
                await bus.PublishAsync(Topics.Committee(committeeId), new BusEvent(CommitteeEvents.Plan), CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // The change is saved; screens catch up on their next reload.
            logger.LogWarning(e, "Could not announce {Kind} of plan {PlanId}", kind, planId);
        }
    }

    private async Task<Guid?> CommitteeOfAsync(Guid planId)
    {
        if (committees.TryGetValue(planId, out var known))
        {
            return known;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var committeeId = await db.Set<ActionPlan>().AsNoTracking().Where(p => p.Id == planId).Select(p => p.CommitteeId).SingleOrDefaultAsync();
        committees.TryAdd(planId, committeeId);
        return committeeId;
    }
}
