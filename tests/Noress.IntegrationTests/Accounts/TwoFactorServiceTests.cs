using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Accounts.TwoFactor;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Accounts;

/// <summary>
/// The two-factor service's refusals (ADR 0023): each has its code and message, and a refused change leaves the
/// account exactly as it was (flag, stamps, key and recovery codes).
/// </summary>
public sealed class TwoFactorServiceTests : IAsyncLifetime
{
    private const string Member = "member@noress.demo";

    private readonly NoressAppFactory factory = new NoressAppFactory().With("Accounts:RequireTwoFactorForStaff", "true");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task EnableAsync_WrongCode_IsRefusedInTheCallersLanguageAndSavesNothing()
    {
        await using var member = await CallerAsync(factory, Member);
        var state = (await member.Service.GetStateAsync(member.Caller))!;
        var before = await SnapshotAsync(factory, Member);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ar");

        var outcome = await member.Service.EnableAsync(member.Caller, WrongCode(state.SharedKey));

        Assert.Equal("TwoFactor.InvalidCode", outcome.Refusal?.Code);
        Assert.StartsWith("رمز غير صالح", outcome.Error, StringComparison.Ordinal);
        Assert.Null(outcome.Value);
        Assert.Equal(before, await SnapshotAsync(factory, Member));
        Assert.False(before.Enabled);
    }

    [Fact]
    public async Task EnableAsync_AlreadyEnabled_IsRefusedAndKeepsTheRecoveryCodes()
    {
        await EnrolAsync(factory, Member);
        var before = await SnapshotAsync(factory, Member);
        await using var member = await CallerAsync(factory, Member);

        var outcome = await member.Service.EnableAsync(member.Caller, Totp.Code(before.Key!, DateTimeOffset.UtcNow));

        Assert.Equal("TwoFactor.AlreadyEnabled", outcome.Refusal?.Code);
        Assert.Equal(before, await SnapshotAsync(factory, Member));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EnableAsync_AccountChangedInAnotherTab_IsRefusedAndSavesNothing(DatabaseProvider provider)
    {
        await using var factory = new NoressAppFactory(provider);
        await using var first = await CallerAsync(factory, Member);
        var key = (await first.Service.GetStateAsync(first.Caller))!.SharedKey;
        await using var second = await CallerAsync(factory, Member);
        // The second tab read the account before the first one enabled two-factor.
        Assert.False((await second.Users.GetUserAsync(second.Caller))!.TwoFactorEnabled);
        Assert.True((await first.Service.EnableAsync(first.Caller, Totp.Code(key, DateTimeOffset.UtcNow))).Succeeded);
        var enrolled = await SnapshotAsync(factory, Member);

        var outcome = await second.Service.EnableAsync(second.Caller, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Equal("TwoFactor.ChangedMeanwhile", outcome.Refusal?.Code);
        Assert.Equal(enrolled, await SnapshotAsync(factory, Member));
    }

    [Fact]
    public async Task DisableAsync_AccountChangedInAnotherTab_IsRefusedAndStaysEnabled()
    {
        await EnrolAsync(factory, Member);
        await using var second = await CallerAsync(factory, Member);
        Assert.True((await second.Users.GetUserAsync(second.Caller))!.TwoFactorEnabled);
        await using (var first = await CallerAsync(factory, Member))
        {
            Assert.True((await first.Service.RegenerateRecoveryCodesAsync(first.Caller)).Succeeded);
        }

        var before = await SnapshotAsync(factory, Member);

        var outcome = await second.Service.DisableAsync(second.Caller);

        Assert.Equal("TwoFactor.ChangedMeanwhile", outcome.Refusal?.Code);
        Assert.Equal(before, await SnapshotAsync(factory, Member));
        // The refused tab reads the account afresh, not the values it had tried to save.
        Assert.True((await second.Service.GetStateAsync(second.Caller))!.Enabled);
    }

    [Fact]
    public async Task EnableAsync_RightCode_EnablesAndStoresTenRecoveryCodes()
    {
        await using var member = await CallerAsync(factory, Member);
        var key = (await member.Service.GetStateAsync(member.Caller))!.SharedKey;

        var outcome = await member.Service.EnableAsync(member.Caller, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.True(outcome.Succeeded);
        Assert.Equal(10, outcome.Value!.Count);
        var after = await SnapshotAsync(factory, Member);
        Assert.True(after.Enabled);
        Assert.NotNull(after.RecoveryCodes);
    }

    [Fact]
    public async Task RegenerateRecoveryCodesAsync_NotEnabled_IsRefusedAndSavesNothing()
    {
        await using var member = await CallerAsync(factory, Member);
        await member.Service.GetStateAsync(member.Caller);
        var before = await SnapshotAsync(factory, Member);

        var outcome = await member.Service.RegenerateRecoveryCodesAsync(member.Caller);

        Assert.Equal("TwoFactor.NotEnabled", outcome.Refusal?.Code);
        Assert.Equal(before, await SnapshotAsync(factory, Member));
        Assert.Null(before.RecoveryCodes);
    }

    [Fact]
    public async Task RegenerateRecoveryCodesAsync_Enabled_ReplacesTheCodes()
    {
        await EnrolAsync(factory, Member);
        var before = await SnapshotAsync(factory, Member);
        await using var member = await CallerAsync(factory, Member);

        var outcome = await member.Service.RegenerateRecoveryCodesAsync(member.Caller);

        Assert.True(outcome.Succeeded);
        Assert.NotEqual(before.RecoveryCodes, (await SnapshotAsync(factory, Member)).RecoveryCodes);
    }

    [Fact]
    public async Task DisableAsync_NotEnabled_IsRefusedAndSavesNothing()
    {
        await using var member = await CallerAsync(factory, Member);
        await member.Service.GetStateAsync(member.Caller);
        var before = await SnapshotAsync(factory, Member);

        var outcome = await member.Service.DisableAsync(member.Caller);

        Assert.Equal("TwoFactor.NotEnabled", outcome.Refusal?.Code);
        Assert.Equal(before, await SnapshotAsync(factory, Member));
    }

    [Fact]
    public async Task DisableAsync_StaffWhileRequired_IsRefusedAndStaysEnabled()
    {
        await EnrolAsync(factory, "secretariat@noress.demo");
        var before = await SnapshotAsync(factory, "secretariat@noress.demo");
        await using var secretariat = await CallerAsync(factory, "secretariat@noress.demo");

        var outcome = await secretariat.Service.DisableAsync(secretariat.Caller);

        Assert.Equal("TwoFactor.RequiredForRole", outcome.Refusal?.Code);
        Assert.Equal(before, await SnapshotAsync(factory, "secretariat@noress.demo"));
        Assert.True(before.Enabled);
    }

    [Fact]
    public async Task DisableAsync_MemberEnrolled_SwitchesOff()
    {
        await EnrolAsync(factory, Member);
        await using var member = await CallerAsync(factory, Member);

        var outcome = await member.Service.DisableAsync(member.Caller);

        Assert.True(outcome.Succeeded);
        Assert.False((await SnapshotAsync(factory, Member)).Enabled);
    }

    [Fact]
    public async Task ResetAsync_OwnWhenNotEnabled_IsRefusedAndKeepsTheKey()
    {
        await using var member = await CallerAsync(factory, Member);
        var state = (await member.Service.GetStateAsync(member.Caller))!;
        var before = await SnapshotAsync(factory, Member);

        var outcome = await member.Service.ResetAsync(member.Caller, state.UserId);

        Assert.Equal("TwoFactor.NotEnabled", outcome.Refusal?.Code);
        Assert.Equal(before, await SnapshotAsync(factory, Member));
    }

    [Theory]
    [InlineData(Member)]
    [InlineData("secretariat@noress.demo")]
    public async Task ResetAsync_SomeoneElseByNonAdministrator_ThrowsAndSavesNothing(string callerEmail)
    {
        var targetId = await EnrolAsync(factory, "admin@noress.demo");
        var before = await SnapshotAsync(factory, "admin@noress.demo");
        await using var caller = await CallerAsync(factory, callerEmail);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => caller.Service.ResetAsync(caller.Caller, targetId));

        Assert.Equal(before, await SnapshotAsync(factory, "admin@noress.demo"));
    }

    [Fact]
    public async Task ResetAsync_SomeoneElseByAdministrator_GivesANewKeyAndEnrolmentStartsOver()
    {
        var memberId = await EnrolAsync(factory, Member);
        var before = await SnapshotAsync(factory, Member);
        await using var admin = await CallerAsync(factory, "admin@noress.demo");

        var outcome = await admin.Service.ResetAsync(admin.Caller, memberId);

        Assert.Equal(memberId, outcome.Value);
        var after = await SnapshotAsync(factory, Member);
        Assert.False(after.Enabled);
        Assert.NotEqual(before.Key, after.Key);
        // A new security stamp ends the person's other sessions at the next check.
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
    }

    [Fact]
    public async Task ResetAsync_SomeoneNotEnrolledByAdministrator_IsRefusedAndSavesNothing()
    {
        await using var member = await CallerAsync(factory, Member);
        var memberId = (await member.Service.GetStateAsync(member.Caller))!.UserId;
        var before = await SnapshotAsync(factory, Member);
        await using var admin = await CallerAsync(factory, "admin@noress.demo");

        var outcome = await admin.Service.ResetAsync(admin.Caller, memberId);

        Assert.Equal("TwoFactor.NotEnabled", outcome.Refusal?.Code);
        Assert.Equal(before, await SnapshotAsync(factory, Member));
    }

    [Fact]
    public async Task ResetAsync_UnknownAccountByAdministrator_IsRefused()
    {
        await using var admin = await CallerAsync(factory, "admin@noress.demo");

        var outcome = await admin.Service.ResetAsync(admin.Caller, Guid.NewGuid());

        Assert.Equal("TwoFactor.AccountGone", outcome.Refusal?.Code);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
    }

    [Fact]
    public async Task ChangingMethods_CallerWithoutAccount_Throw()
    {
        await using var member = await CallerAsync(factory, Member);
        var stranger = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "test"));

        Assert.Null(await member.Service.GetStateAsync(stranger));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => member.Service.EnableAsync(stranger, "000000"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => member.Service.RegenerateRecoveryCodesAsync(stranger));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => member.Service.DisableAsync(stranger));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => member.Service.ResetAsync(stranger, Guid.NewGuid()));
    }

    /// <summary>Enrols a person through the service, as the page does; returns their id.</summary>
    private static async Task<Guid> EnrolAsync(NoressAppFactory factory, string email)
    {
        await using var person = await CallerAsync(factory, email);
        var state = (await person.Service.GetStateAsync(person.Caller))!;
        var outcome = await person.Service.EnableAsync(person.Caller, Totp.Code(state.SharedKey, DateTimeOffset.UtcNow));
        Assert.True(outcome.Succeeded, outcome.Error);
        return state.UserId;
    }

    private static async Task<CallerScope> CallerAsync(NoressAppFactory factory, string email)
    {
        var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo account {email}.");
        var caller = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(user);
        // The service refreshes the caller's own sign-in through the request; the scope gets a request of its own.
        scope.ServiceProvider.GetRequiredService<SignInManager<NoressUser>>().Context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        return new CallerScope(scope, scope.ServiceProvider.GetRequiredService<TwoFactorService>(), users, caller);
    }

    private static async Task<AccountSnapshot> SnapshotAsync(NoressAppFactory factory, string email)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var tokens = await db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToDictionaryAsync(t => t.Name, t => t.Value);
        return new AccountSnapshot(
            user.TwoFactorEnabled,
            user.SecurityStamp,
            user.ConcurrencyStamp,
            tokens.GetValueOrDefault("AuthenticatorKey"),
            tokens.GetValueOrDefault("RecoveryCodes"));
    }

    // A code valid in none of the windows the server accepts (±2 steps).
    private static string WrongCode(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private sealed record AccountSnapshot(bool Enabled, string? SecurityStamp, string? ConcurrencyStamp, string? Key, string? RecoveryCodes);

    private sealed record CallerScope(AsyncServiceScope Scope, TwoFactorService Service, UserManager<NoressUser> Users, ClaimsPrincipal Caller) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}
