using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

using Noress.App.Shared.Operations;

namespace Noress.App.Sessions.Rules;

/// <summary>Reads the rule parameters in force on a date, and lets the secretariat set a new version.</summary>
public sealed class RuleParameterService(IDbContextFactory<NoressDbContext> dbFactory, SessionsAccess access, Refusals<SessionsText> refuse)
{
    public async Task<RuleBook> InForceAsync(DateOnly date, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await InForceAsync(db, date, ct);
    }

    public static async Task<RuleBook> InForceAsync(NoressDbContext db, DateOnly date, CancellationToken ct) =>
        RuleBook.InForce(await db.Set<RuleParameter>().AsNoTracking().Where(p => p.EffectiveFrom <= date).ToListAsync(ct), date);

    /// <summary>Every version of one parameter, newest first.</summary>
    public async Task<IReadOnlyList<RuleParameter>> HistoryAsync(RuleKey key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<RuleParameter>().AsNoTracking().Where(p => p.Key == key).OrderByDescending(p => p.EffectiveFrom).ToListAsync(ct);
    }

    /// <summary>A new version of <paramref name="key"/> from <paramref name="effectiveFrom"/>; the past is never rewritten.</summary>
    public async Task<Outcome<Guid>> SetAsync(ClaimsPrincipal user, RuleKey key, string value, string article, DateOnly effectiveFrom, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        value = (value ?? string.Empty).Trim();
        article = (article ?? string.Empty).Trim();
        if (!Enum.IsDefined(key))
        {
            return refuse["Error.RuleUnknown"];
        }

        if (RuleBook.Validate(key, value) is { } error)
        {
            return refuse[error];
        }

        if (article.Length is 0 or > 64)
        {
            return refuse["Error.RuleArticle"];
        }

        if (effectiveFrom < access.Today)
        {
            return refuse["Error.RuleRetroactive"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<RuleParameter>().AnyAsync(p => p.Key == key && p.EffectiveFrom == effectiveFrom, ct))
        {
            return refuse["Error.RuleVersionExists"];
        }

        var parameter = new RuleParameter { Key = key, Value = value, Article = article, EffectiveFrom = effectiveFrom, CreatedById = SessionsAccess.UserId(user), CreatedAt = access.UtcNow };
        db.Add(parameter);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (key, date) index: another secretary set the same version at the same instant.
            return refuse["Error.RuleVersionExists"];
        }

        return Outcome<Guid>.Done(parameter.Id);
    }
}
