using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Committees;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Sessions.Agenda;
using Noress.App.Sessions.Attendance;
using Noress.App.Shared.Operations;

namespace Noress.IntegrationTests.Sessions;

/// <summary>The secretariat's preparation of a session: the agenda's edits and documents, who sees which session, the proxies board.</summary>
public sealed class SessionPreparationTests : IAsyncLifetime
{
    private SessionsTestHost host = null!;

    public async Task InitializeAsync() => host = await SessionsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task UpdateAgendaItemAsync_ChangesTheItem_AndABadTitleChangesNothing()
    {
        var sessionId = await host.DraftPlenaryAsync();
        var itemId = await AddAsync(sessionId, "Point initial");

        SessionsTestHost.Ok(await Sessions(s => s.UpdateAgendaItemAsync(host.Secretariat, itemId, AgendaItemKind.Election, "Élection du bureau", 40, default)));
        var refused = await Sessions(s => s.UpdateAgendaItemAsync(host.Secretariat, itemId, AgendaItemKind.Information, "   ", 10, default));

        Assert.Equal("Error.AgendaTitle", refused.Refusal?.Code);
        await using var db = await host.DbAsync();
        var item = await db.Set<AgendaItem>().SingleAsync(a => a.Id == itemId);
        Assert.Equal((AgendaItemKind.Election, "Élection du bureau", 40), (item.Kind, item.Title, item.EstimatedMinutes));
    }

    [Fact]
    public async Task RemoveAgendaItemAsync_ClosesTheGap_AndOnceOpenIsRefusedWithNothingRemoved()
    {
        var sessionId = await host.DraftPlenaryAsync();
        var first = await AddAsync(sessionId, "Premier");
        var second = await AddAsync(sessionId, "Deuxième");
        var third = await AddAsync(sessionId, "Troisième");

        SessionsTestHost.Ok(await Sessions(s => s.RemoveAgendaItemAsync(host.Secretariat, second, default)));
        SessionsTestHost.Ok(await Sessions(s => s.ConveneAsync(host.Secretariat, sessionId, default)));
        SessionsTestHost.Ok(await Sessions(s => s.OpenAsync(host.Secretariat, sessionId, default)));
        var refused = await Sessions(s => s.RemoveAgendaItemAsync(host.Secretariat, first, default));

        Assert.Equal("Error.AgendaFrozen", refused.Refusal?.Code);
        await using var db = await host.DbAsync();
        var agenda = await db.Set<AgendaItem>().Where(a => a.SessionId == sessionId).OrderBy(a => a.Position).Select(a => new { a.Id, a.Position }).ToListAsync();
        Assert.Equal([(first, 0), (third, 1)], agenda.Select(a => (a.Id, a.Position)));
    }

    [Fact]
    public async Task AttachDocumentAsync_LinksAReadableDocumentOnce_AndRefusalsSaveNothing()
    {
        var sessionId = await host.DraftPlenaryAsync();
        var itemId = await AddAsync(sessionId, "Adoption du plan d'action");
        await using var db = await host.DbAsync();
        var rules = await db.Documents.Where(d => d.SpaceKind == DocumentSpaceKind.Platform).Select(d => d.Id).FirstAsync();

        var linkId = SessionsTestHost.Ok(await Sessions(s => s.AttachDocumentAsync(host.Secretariat, itemId, rules, default)));
        var twice = await Sessions(s => s.AttachDocumentAsync(host.Secretariat, itemId, rules, default));
        var missing = await Sessions(s => s.AttachDocumentAsync(host.Secretariat, itemId, Guid.NewGuid(), default));
        var untitled = await Sessions(s => s.CreateAgendaDocumentAsync(host.Secretariat, itemId, " ", default));

        Assert.Equal("Error.DocumentAttached", twice.Refusal?.Code);
        Assert.Equal("Error.DocumentUnavailable", missing.Refusal?.Code);
        Assert.Equal("Error.DocumentTitle", untitled.Refusal?.Code);
        var links = await db.Set<AgendaDocument>().Where(l => l.AgendaItemId == itemId).ToListAsync();
        Assert.Equal(linkId, Assert.Single(links).Id);
        Assert.Equal(0, await db.Documents.CountAsync(d => d.SpaceKind == DocumentSpaceKind.Session && d.SpaceId == sessionId));
    }

    [Fact]
    public async Task CreateAgendaDocumentAsync_CreatesItInTheSessionsSpace_AndDetachKeepsTheDocument()
    {
        var sessionId = await host.DraftPlenaryAsync();
        var itemId = await AddAsync(sessionId, "Rapport financier");

        var linkId = SessionsTestHost.Ok(await Sessions(s => s.CreateAgendaDocumentAsync(host.Secretariat, itemId, "Rapport financier 2026", default)));
        var listed = await host.WithAsync<SessionService, IReadOnlyList<AgendaDocumentLink>>(s => s.AgendaDocumentsAsync(host.Secretariat, sessionId, default));
        var member = host.Representatives[host.Institutions["ADS"]];
        var seenByAMember = await host.WithAsync<SessionService, IReadOnlyList<AgendaDocumentLink>>(s => s.AgendaDocumentsAsync(member, sessionId, default));
        var membersRight = await host.WithAsync<DocumentService, DocumentAccess?>(s => s.GetAccessAsync(member, listed[0].DocumentId, default));
        SessionsTestHost.Ok(await Sessions(s => s.DetachDocumentAsync(host.Secretariat, linkId, default)));

        // A plenary's members read and comment on what is put before them.
        Assert.Equal("Rapport financier 2026", Assert.Single(seenByAMember).Title);
        Assert.Equal(DocumentRight.Comment, membersRight?.Right);
        var link = Assert.Single(listed);
        Assert.Equal("Rapport financier 2026", link.Title);
        await using var db = await host.DbAsync();
        var document = await db.Documents.SingleAsync(d => d.Id == link.DocumentId);
        Assert.Equal((DocumentSpaceKind.Session, (Guid?)sessionId), (document.SpaceKind, document.SpaceId));
        Assert.False(await db.Set<AgendaDocument>().AnyAsync(l => l.Id == linkId));
    }

    [Fact]
    public async Task AgendaChanges_ByAMember_AreNotAllowed()
    {
        var sessionId = await host.DraftPlenaryAsync();
        var itemId = await AddAsync(sessionId, "Point");
        var member = host.Representatives[host.Institutions["ADS"]];

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Sessions(s => s.RemoveAgendaItemAsync(member, itemId, default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Sessions(s => s.UpdateAgendaItemAsync(member, itemId, AgendaItemKind.Information, "Autre", 5, default)));
        await using var db = await host.DbAsync();
        Assert.Equal("Point", (await db.Set<AgendaItem>().SingleAsync(a => a.Id == itemId)).Title);
    }

    [Fact]
    public async Task ListVisibleAsync_MembersSeeConvenedPlenariesAndTheirCommittees_TheSecretariatSeesDrafts()
    {
        var draft = await host.DraftPlenaryAsync();
        var convened = await host.DraftPlenaryAsync();
        await AddAsync(convened, "Point");
        SessionsTestHost.Ok(await Sessions(s => s.ConveneAsync(host.Secretariat, convened, default)));
        await using var db = await host.DbAsync();
        var observation = await db.Committees.Where(c => c.Code == "observation").Select(c => c.Id).SingleAsync();
        var start = DateTime.UtcNow.AddDays(3);
        var meeting = SessionsTestHost.Ok(await Sessions(s => s.CreateAsync(host.Secretariat, new SessionInput(SessionBody.Committee, observation, "Comité observation", "Tanger", start, start.AddHours(2)), default)));
        await AddAsync(meeting, "Point");
        SessionsTestHost.Ok(await Sessions(s => s.ConveneAsync(host.Secretariat, meeting, default)));
        SessionsTestHost.Ok(await host.WithAsync<CommitteeService, Outcome<Guid>>(s => s.SeatAsync(host.Secretariat, observation, host.Institutions["ADS"], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), null, default)));

        var seated = await ListAsync(host.Representatives[host.Institutions["ADS"]]);
        var other = await ListAsync(host.Representatives[host.Institutions["ODCO"]]);
        var secretariat = await ListAsync(host.Secretariat);

        Assert.Contains(convened, seated);
        Assert.Contains(meeting, seated);
        Assert.DoesNotContain(draft, seated);
        Assert.Contains(convened, other);
        Assert.DoesNotContain(meeting, other);
        Assert.Contains(draft, secretariat);
    }

    [Fact]
    public async Task ProxyBoardAsync_ShowsTheCapWithItsArticle_AndTheRepresentativesOwnInstitution()
    {
        var sessionId = await host.DraftPlenaryAsync();
        var ads = host.Institutions["ADS"];
        SessionsTestHost.Ok(await host.WithAsync<AttendanceService, Outcome<Guid>>(s => s.GrantProxyAsync(host.Representatives[ads], sessionId, ads, host.Institutions["ODCO"], "Lettre du président", default)));

        var board = await host.WithAsync<AttendanceService, ProxyBoard?>(s => s.ProxyBoardAsync(host.Representatives[ads], sessionId, default));

        Assert.Equal((1, "Art. 10"), (board!.MaxPerHolder, board.Article));
        Assert.Equal(ads, board.OwnInstitutionId);
        var proxy = Assert.Single(board.Proxies);
        Assert.Equal(("ADS", "ODCO", ProxyStatus.Pending), (proxy.GrantorAcronym, proxy.HolderAcronym, proxy.Status));
    }

    private Task<Outcome<Guid>> Sessions(Func<SessionService, Task<Outcome<Guid>>> action) => host.WithAsync(action);

    private async Task<Guid> AddAsync(Guid sessionId, string title) =>
        SessionsTestHost.Ok(await Sessions(s => s.AddAgendaItemAsync(host.Secretariat, sessionId, AgendaItemKind.Deliberation, title, 15, default)));

    private async Task<IReadOnlyList<Guid>> ListAsync(ClaimsPrincipal user) =>
        [.. (await host.WithAsync<SessionService, IReadOnlyList<SessionListItem>>(s => s.ListVisibleAsync(user, default))).Select(s => s.Id)];
}
