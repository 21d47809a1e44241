using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.DemoData;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Elections;
using Noress.App.Sessions.Minutes;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Data;

/// <summary>The demo's past plenary: what the real flow would have left, consistent with the register, the bodies and the audit chain.</summary>
public sealed class DemoRecordsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SeedAsync_PastPlenary_LeavesNumberedDecisionsAMandateAndApprovedMinutesInAnIntactChain(DatabaseProvider provider)
    {
        await using var factory = new NoressAppFactory(provider).With("Database:SeedDemoRecords", "true");
        var services = factory.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var plenary = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Title == DemoRecords.PlenaryTitle);
        var day = AttendanceService.SessionDate(plenary);
        Assert.True(day < NoressClock.Today(TimeProvider.System));

        // Three adoptions, numbered 1, 2, 3 in the year of their votes, in the order they closed; the counter agrees.
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => d.SessionId == plenary.Id).ToListAsync();
        Assert.Equal([1, 2, 3], decisions.OrderBy(d => d.DecidedAt).Select(d => d.Sequence));
        Assert.All(decisions, d => Assert.Equal(day.Year, d.Year));
        Assert.All(decisions, d => Assert.Equal(day, DateOnly.FromDateTime(NoressClock.ToLocal(d.DecidedAt))));
        Assert.Equal(3, (await db.Set<DecisionCounter>().AsNoTracking().SingleAsync(c => c.Year == day.Year)).Last);
        var votes = await db.Set<Vote>().AsNoTracking().Where(v => v.SessionId == plenary.Id).ToListAsync();
        Assert.All(votes, v => Assert.Equal((VoteState.Closed, Verdict.Adopted, false), (v.State, v.Verdict!.Value, v.ClosedWithoutQuorum)));

        // The coordination elected in one round, its mandate from the plenary's day, written by the election.
        var election = await db.Set<SessionElection>().AsNoTracking().SingleAsync(e => e.SessionId == plenary.Id);
        Assert.Equal(ElectionState.Applied, election.State);
        var secretariat = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@noress.demo");
        var mandate = await db.Set<SecretariatMandate>().AsNoTracking().SingleAsync(m => m.ElectionId == election.Id);
        Assert.Equal((secretariat.Id, SecretariatPosition.Coordinator, day, (DateOnly?)null), (mandate.UserId, mandate.Position, mandate.StartsOn, mandate.EndsOn));

        // The minutes, approved at the later plenary: frozen, labelled, printed, their hashes those of the PDFs served.
        var minutes = await db.Set<SessionMinutes>().AsNoTracking().SingleAsync(m => m.SessionId == plenary.Id);
        Assert.Equal(MinutesState.Approved, minutes.State);
        Assert.Equal(SessionState.MinutesApproved, plenary.State);
        var later = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Title == DemoRecords.ApprovalTitle);
        Assert.Equal(SessionState.Closed, later.State);
        Assert.False(await db.Set<Decision>().AnyAsync(d => d.SessionId == later.Id));
        var head = (await services.GetRequiredService<DocumentAuthority>().GetHeadAsync(minutes.FrenchDocumentId))!.Text;
        Assert.Contains("Coordination du secrétariat permanent", head, StringComparison.Ordinal);
        Assert.Contains($"Décision n° {Decision.Format(day.Year, 3)}", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Bulletin de", head, StringComparison.Ordinal);
        var client = await factory.CreateSignedInClientAsync("member@noress.demo");
        var french = await client.GetByteArrayAsync(MinutesService.PdfLink(plenary.Id, MinutesCultures.French));
        Assert.Equal(minutes.FrenchPdfSha256, Convert.ToHexStringLower(SHA256.HashData(french)));

        // Every row above went through the audit chain, which is intact.
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Decision)));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SessionMinutes) && e.Changes.Contains(minutes.FrenchPdfSha256!)));
        var verification = await services.GetRequiredService<AuditMonitor>().VerifyAllAsync(CancellationToken.None);
        Assert.True(verification.Verification.IsIntact, verification.Verification.Break?.ToString());
    }
}
