using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Audit;

/// <summary>Switching language saves the preference but writes no audit entry (ADR 0016); real changes still do.</summary>
public sealed class AuditPreferenceTests : IAsyncLifetime
{
    private static readonly Guid PersonId = Guid.Parse("0b8f7a4e-5c1d-4e2f-9a3b-6c7d8e9f0a1b");
    private TestDatabase database = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(new ServiceCollection(), new FakeTimeProvider(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero)));
        await database.AddPersonAsync(PersonId, "Amina Benali");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task SaveChanges_OnlyLanguageAndStampChanged_WritesNoAuditEntry()
    {
        var before = await CountAsync();

        await UpdateAsync(u => { u.PreferredCulture = "ar-MA"; u.ConcurrencyStamp = Guid.NewGuid().ToString(); });

        Assert.Equal(before, await CountAsync());
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal("ar-MA", (await db.Users.SingleAsync(u => u.Id == PersonId)).PreferredCulture);
    }

    [Fact]
    public async Task SaveChanges_LanguageChangedWithTheName_IsAuditedWithBoth()
    {
        var before = await CountAsync();

        await UpdateAsync(u => { u.PreferredCulture = "en-GB"; u.FullName = "Amina Benali-Idrissi"; });

        Assert.Equal(before + 1, await CountAsync());
        await using var db = await database.Factory.CreateDbContextAsync();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Contains("PreferredCulture", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("FullName", entry.Changes, StringComparison.Ordinal);
    }

    private async Task UpdateAsync(Action<Noress.App.Accounts.NoressUser> change)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        change(await db.Users.SingleAsync(u => u.Id == PersonId));
        await db.SaveChangesAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.AuditEntries.CountAsync();
    }
}
