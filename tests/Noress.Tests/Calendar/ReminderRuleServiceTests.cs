using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Accounts;
using Noress.App.Calendar;
using Noress.App.Calendar.Reminders;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Calendar;

/// <summary>The secretariat's reminder rules: what is refused is said in the person's language, and nothing is saved.</summary>
public sealed class ReminderRuleServiceTests : IAsyncLifetime
{
    private readonly ServiceCollection services = new();
    private TestDatabase database = default!;
    private ReminderRuleService rules = default!;

    public async Task InitializeAsync()
    {
        services.AddLogging();
        services.AddNoressLocalization();
        database = await TestDatabase.CreateAsync(services, new FakeTimeProvider());
        var provider = services.BuildServiceProvider();
        rules = new ReminderRuleService(database.Factory, provider.GetRequiredService<Refusals<CalendarText>>());
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task SaveAsync_NewRule_IsStored()
    {
        var outcome = await rules.SaveAsync(AppPolicies.Person(Roles.Secretariat), Rule(offsetDays: -11));

        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(-11, (await db.ReminderRules.SingleAsync(r => r.Id == outcome.Value)).OffsetDays);
    }

    [Theory]
    [InlineData(366)]
    [InlineData(-400)]
    public async Task SaveAsync_OffsetBeyondAYear_IsRefusedInTheCallersLanguage_AndNothingSaved(int offsetDays)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ar");
        try
        {
            var outcome = await rules.SaveAsync(AppPolicies.Person(Roles.Secretariat), Rule(offsetDays));

            Assert.Equal("Rules.OffsetRange", outcome.Refusal?.Code);
            Assert.Contains("365", outcome.Error, StringComparison.Ordinal);
            Assert.Contains("يوم", outcome.Error, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.False(await db.ReminderRules.AnyAsync(r => r.OffsetDays == offsetDays));
    }

    [Fact]
    public async Task SaveAsync_SameKindOffsetAndTimeAsAnother_IsRefusedAsADuplicate()
    {
        var secretariat = AppPolicies.Person(Roles.Secretariat);
        Assert.True((await rules.SaveAsync(secretariat, Rule(offsetDays: -13))).Succeeded);

        var duplicate = await rules.SaveAsync(secretariat, Rule(offsetDays: -13));

        Assert.Equal("Rules.Duplicate", duplicate.Refusal?.Code);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.ReminderRules.CountAsync(r => r.OffsetDays == -13));
    }

    [Fact]
    public async Task SaveAsync_ByAMember_IsForbidden()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rules.SaveAsync(AppPolicies.Person(Roles.Member), Rule(offsetDays: -17)));
    }

    private static ReminderRule Rule(int offsetDays) =>
        new() { SourceKind = CalendarKinds.InvitationExpiry, OffsetDays = offsetDays, LocalTime = new TimeOnly(9, 17), IsActive = true };
}
