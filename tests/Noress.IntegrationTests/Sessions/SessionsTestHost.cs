using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Infrastructure;
using Noress.Testing;

namespace Noress.IntegrationTests.Sessions;

/// <summary>
/// The app on a database of its own where every demo institution is in good standing and has a titular
/// representative of the test's own (rep.ACRONYM@sessions.test), with helpers to run a session.
/// </summary>
public sealed class SessionsTestHost : IAsyncDisposable
{
    private SessionsTestHost(NoressAppFactory factory, NoressAppFactory? second)
    {
        Factory = factory;
        Second = second;
    }

    public NoressAppFactory Factory { get; }

    /// <summary>The jobs the app enqueued (minutes' PDFs), run when a test says: <see cref="RunJobsAsync"/>.</summary>
    public RecordedJobs Jobs { get; } = new();

    /// <summary>A second app node on the same database, when asked for.</summary>
    public NoressAppFactory? Second { get; }

    /// <summary>Institution id to its test representative's principal.</summary>
    public Dictionary<Guid, ClaimsPrincipal> Representatives { get; } = [];

    public Dictionary<string, Guid> Institutions { get; } = [];

    public ClaimsPrincipal Secretariat { get; private set; } = new();

    /// <param name="provider">The database.</param>
    /// <param name="twoNodes">Start a second app node on the same database.</param>
    /// <param name="redisBus">Join the nodes with the Redis bus of the test run (channels of their own), as in production.</param>
    /// <param name="configure">Settings of the first node (e.g. <c>Storage:Root</c>), applied before it starts.</param>
    public static async Task<SessionsTestHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, bool twoNodes = false, bool redisBus = false, Action<NoressAppFactory>? configure = null)
    {
        var factory = new NoressAppFactory(provider);
        configure?.Invoke(factory);
        var second = twoNodes ? NoressAppFactory.OnExistingDatabase(provider, factory.ConnectionString).With("Email:PickupDirectory", factory.MailDirectory) : null;
        if (redisBus)
        {
            var channelPrefix = $"noress-test-{Guid.NewGuid():N}";
            factory.WithRedisBus(channelPrefix);
            second?.WithRedisBus(channelPrefix);
        }

        var host = new SessionsTestHost(factory, second);
        factory.WithServices(s => s.AddSingleton<IBackgroundJobClient>(host.Jobs));
        second?.WithServices(s => s.AddSingleton<IBackgroundJobClient>(host.Jobs));
        await host.PrepareAsync();
        if (second is not null)
        {
            _ = second.Services;
        }

        return host;
    }

    public async Task<NoressDbContext> DbAsync() =>
        await Factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();

    /// <summary>Runs <paramref name="action"/> with a service of <paramref name="node"/> (the first node by default), in a scope of its own.</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action, NoressAppFactory? node = null)
        where TService : notnull
    {
        await using var scope = (node ?? Factory).Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs the jobs enqueued so far, as a Hangfire worker of the first node would; returns how many ran.</summary>
    public Task<int> RunJobsAsync() => Jobs.RunPendingAsync(Factory.Services);

    /// <summary>A plenary tomorrow at 10:00 (Casablanca), with one deliberation on its agenda, convened and opened.</summary>
    public async Task<Guid> OpenPlenaryAsync(bool allowSelfCheckIn = false)
    {
        var sessionId = await DraftPlenaryAsync(allowSelfCheckIn);
        Ok(await WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(Secretariat, sessionId, AgendaItemKind.Deliberation, "Plan d'action 2027", 30, default)));
        Ok(await WithAsync<SessionService, Outcome<Guid>>(s => s.ConveneAsync(Secretariat, sessionId, default)));
        Ok(await WithAsync<SessionService, Outcome<Guid>>(s => s.OpenAsync(Secretariat, sessionId, default)));
        return sessionId;
    }

    public async Task<Guid> DraftPlenaryAsync(bool allowSelfCheckIn = false, string? place = "Tanger, siège du Conseil régional")
    {
        var start = NoressClock.ToUtc(NoressClock.Today(TimeProvider.System).AddDays(1).ToDateTime(new TimeOnly(10, 0)));
        var result = await WithAsync<SessionService, Outcome<Guid>>(s => s.CreateAsync(Secretariat,
            new SessionInput(SessionBody.Plenary, null, "Session plénière de test", place, start, start.AddHours(3), allowSelfCheckIn), default));
        return Ok(result);
    }

    public async Task CheckInAsync(Guid sessionId, IEnumerable<Guid> institutionIds)
    {
        foreach (var id in institutionIds)
        {
            Ok(await WithAsync<AttendanceService, Outcome<Guid>>(s => s.CheckInAsync(Secretariat, sessionId, id, default)));
        }
    }

    public async Task<Guid> OpenVoteAsync(Guid sessionId, BallotKind ballot) =>
        Ok(await WithAsync<VoteService, Outcome<Guid>>(s => s.OpenAsync(Secretariat, sessionId, null, "Adopter le plan d'action 2027 ?", ballot, default)));

    public static Guid Ok(Outcome<Guid> result)
    {
        Assert.True(result.Succeeded, result.Error);
        return result.Value;
    }

    private async Task PrepareAsync()
    {
        Secretariat = await PrincipalAsync("secretariat@noress.demo");
        await using var db = await DbAsync();
        var today = NoressClock.Today(TimeProvider.System);
        var institutions = await db.Institutions.ToListAsync();
        var signatures = await db.Set<MouSignature>().ToListAsync();
        foreach (var institution in institutions)
        {
            (institution.Status, institution.SuspendedOn, institution.WithdrawnOn) = (MembershipStatus.Active, null, null);
            var signature = signatures.SingleOrDefault(s => s.InstitutionId == institution.Id);
            if (signature is null)
            {
                signature = new MouSignature { InstitutionId = institution.Id };
                db.Add(signature);
            }

            (signature.Status, signature.SignedOn, signature.CountersignedOn, signature.ExpiresOn) = (MouStatus.Countersigned, today.AddYears(-1), today.AddYears(-1), today.AddYears(2));
            var user = new NoressUser
            {
                Id = Guid.NewGuid(),
                UserName = $"rep.{institution.Acronym.ToLowerInvariant()}@sessions.test",
                NormalizedUserName = $"REP.{institution.Acronym.ToUpperInvariant()}@SESSIONS.TEST",
                Email = $"rep.{institution.Acronym.ToLowerInvariant()}@sessions.test",
                NormalizedEmail = $"REP.{institution.Acronym.ToUpperInvariant()}@SESSIONS.TEST",
                EmailConfirmed = true,
                FullName = $"Représentant {institution.Acronym}",
                InstitutionId = institution.Id,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = DateTime.UtcNow,
            };
            db.Users.Add(user);
            // Later than the demo's mandates, so the resolver names this person titular.
            db.Add(new RepresentativeMandate { InstitutionId = institution.Id, UserId = user.Id, Role = RepresentativeRole.Titular, StartsOn = today.AddDays(-10), CreatedAt = DateTime.UtcNow });
            Representatives[institution.Id] = Principal(user.Id, user.Email, Roles.Member);
            Institutions[institution.Acronym] = institution.Id;
        }

        await db.SaveChangesAsync();
    }

    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var roles = await users.GetRolesAsync(user);
        return Principal(user.Id, email, [.. roles]);
    }

    private static ClaimsPrincipal Principal(Guid id, string email, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Name, email), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            IdentityConstants.ApplicationScheme));

    public async ValueTask DisposeAsync()
    {
        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        await Factory.DisposeAsync();
    }
}
