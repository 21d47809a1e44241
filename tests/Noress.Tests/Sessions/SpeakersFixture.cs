using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Members;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Speakers;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions;

/// <summary>
/// The real speakers' service over an in-memory SQLite database: an open session now, one agenda item, the signed-in
/// person titular of ODCO and Youssef titular of REMESS. Rows are written directly, as another node would.
/// </summary>
internal sealed class SpeakersFixture(TestDatabase database, BunitServiceProvider services)
{
    public const string YoussefName = "Youssef Amrani";

    public static readonly Guid YoussefId = Guid.Parse("9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");

    public Guid SessionId { get; } = Guid.NewGuid();

    public Guid ItemId { get; } = Guid.NewGuid();

    public Guid Odco { get; private set; }

    public Guid Remess { get; private set; }

    /// <summary>Registers the services the speakers' widgets use and writes the session; call before the first render.</summary>
    public static async Task<SpeakersFixture> CreateAsync(BunitServiceProvider services, TestDatabase database, TimeProvider clock, bool checkIn = true)
    {
        services.AddScoped<SessionsAccess>();
        services.AddScoped<SpeakerService>();
        services.AddSingleton<SessionLive>();
        var fixture = new SpeakersFixture(database, services);
        await fixture.SeedAsync(clock.GetUtcNow().UtcDateTime, checkIn);
        return fixture;
    }

    /// <summary>A request as another screen would have made it, announced on the session's topic.</summary>
    public async Task<Guid> AddRequestAsync(Guid institutionId, Guid? personId, int position, FloorState state = FloorState.Waiting, DateTime? startedAt = null, int allotted = 180, bool announce = false)
    {
        var request = new FloorRequest { SessionId = SessionId, AgendaItemId = ItemId, InstitutionId = institutionId, PersonId = personId, Position = position, AllottedSeconds = allotted };
        request.MoveTo(state, startedAt ?? DateTime.UtcNow);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Add(request);
            await db.SaveChangesAsync();
        }

        if (announce)
        {
            await Live.ChangedAsync(SessionId, SessionEvents.Speakers);
        }

        return request.Id;
    }

    public SessionLive Live => services.GetRequiredService<SessionLive>();

    public async Task<IReadOnlyList<FloorRequest>> RequestsAsync()
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return [.. db.Set<FloorRequest>().Where(r => r.AgendaItemId == ItemId).OrderBy(r => r.Position)];
    }

    private async Task SeedAsync(DateTime now, bool checkIn)
    {
        var me = await database.AddPersonAsync(NoressTestContext.UserId, NoressTestContext.UserName);
        var youssef = await database.AddPersonAsync(YoussefId, YoussefName, "REMESS");
        (Odco, Remess) = (me.InstitutionId!.Value, youssef.InstitutionId!.Value);
        await using var db = await database.Factory.CreateDbContextAsync();
        db.Add(new Session { Id = SessionId, Title = "Session plénière", Place = "Tanger", StartsAt = now, EndsAt = now.AddHours(3), State = SessionState.Open, OpenedAt = now });
        db.Add(new AgendaItem { Id = ItemId, SessionId = SessionId, Position = 1, Kind = AgendaItemKind.Deliberation, Title = "Plan d'action 2027", EstimatedMinutes = 30 });
        foreach (var (institution, user) in new[] { (Odco, NoressTestContext.UserId), (Remess, YoussefId) })
        {
            db.Add(new RepresentativeMandate { InstitutionId = institution, UserId = user, Role = RepresentativeRole.Titular, StartsOn = new DateOnly(2026, 1, 1), CreatedAt = now });
            if (checkIn)
            {
                db.Add(new SessionAttendance { SessionId = SessionId, Convocation = 1, InstitutionId = institution, PersonId = user, CheckedInAt = now });
            }
        }

        await db.SaveChangesAsync();
    }
}
