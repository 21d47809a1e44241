using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Committees.Recommendations;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Sessions.Agenda;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Committees;

/// <summary>ADR 0028: the chair or rapporteur forwards; it lands on the next plenary being prepared, or on the secretariat's list.</summary>
public sealed class ForwardToPlenaryTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ForwardAsync_WithAPlenaryInPreparation_PutsTheDocumentOnItsAgenda_OpensItToMembers_AndNotifiesTheSecretariat(DatabaseProvider provider)
    {
        var w = await CommitteeWorkspaceHost.StartAsync(provider);
        await using var host = w.Host;
        // Tomorrow's draft comes before the demo's convened plenary three weeks ahead: it is the next one.
        var plenary = await host.DraftPlenaryAsync();

        var id = SessionsTestHost.Ok(await ForwardAsync(w, new RecommendationInput("Feuille de route 2027", w.DocumentId, null)));

        await using var db = await host.DbAsync();
        var recommendation = await db.Set<CommitteeRecommendation>().SingleAsync(r => r.Id == id);
        Assert.Equal((RecommendationState.Scheduled, plenary), (recommendation.State, recommendation.SessionId));
        var item = await db.Set<AgendaItem>().SingleAsync(a => a.Id == recommendation.AgendaItemId);
        Assert.Equal((plenary, AgendaItemKind.CommitteeRecommendation), (item.SessionId, item.Kind));
        Assert.EndsWith("Feuille de route 2027", item.Title, StringComparison.Ordinal);
        Assert.Equal(w.DocumentId, (await db.Set<AgendaDocument>().SingleAsync(d => d.AgendaItemId == item.Id)).DocumentId);
        Assert.Equal(RecommendationService.ForwardedLabel, (await db.DocumentLabels.SingleAsync(l => l.DocumentId == w.DocumentId)).Label);
        var secretariatId = SessionsAccess.UserId(host.Secretariat)!.Value;
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == secretariatId && n.Link == RecommendationService.SessionLink(plenary)));

        // Before the plenary, every member reads and comments on what the committee forwards.
        var outsider = await host.PrincipalAsync(CommitteeWorkspaceHost.Outsider);
        var access = await host.WithAsync<DocumentService, DocumentAccess?>(s => s.GetAccessAsync(outsider, w.DocumentId, default));
        Assert.Equal(DocumentRight.Comment, access!.Right);
        var links = await host.WithAsync<SessionService, IReadOnlyList<AgendaDocumentLink>>(s => s.AgendaDocumentsAsync(outsider, plenary, default));
        Assert.Equal(CommitteeWorkspaceHost.SecretTitle, Assert.Single(links).Title);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ForwardAsync_WithoutAPlenaryInPreparation_LandsOnThePendingList_AndTheSecretariatSchedulesIt(DatabaseProvider provider)
    {
        var w = await CommitteeWorkspaceHost.StartAsync(provider);
        await using var host = w.Host;
        await CancelPreparedPlenariesAsync(host);

        var id = SessionsTestHost.Ok(await ForwardAsync(w, new RecommendationInput("Ajouter une action de formation", null, "Former 200 coopératives en 2027.")));

        var pending = await host.WithAsync<RecommendationService, PendingRecommendations>(s => s.PendingAsync(host.Secretariat, default));
        var listed = Assert.Single(pending.Items, r => r.CommitteeId == w.CommitteeId);
        Assert.Equal((id, RecommendationState.Pending, "Former 200 coopératives en 2027."), (listed.Id, listed.State, listed.Text));
        Assert.Empty(pending.Plenaries);
        await using (var db = await host.DbAsync())
        {
            Assert.False(await db.Set<AgendaItem>().AnyAsync(a => a.Kind == AgendaItemKind.CommitteeRecommendation));
            var secretariatId = SessionsAccess.UserId(host.Secretariat)!.Value;
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == secretariatId && n.Link == RecommendationService.PendingLink));
        }

        // A member cannot schedule; the secretariat puts it on the plenary it creates later.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.WithAsync<RecommendationService, Outcome<Guid>>(s => s.ScheduleAsync(w.Chair, id, Guid.NewGuid(), default)));
        var plenary = await host.DraftPlenaryAsync();
        SessionsTestHost.Ok(await host.WithAsync<RecommendationService, Outcome<Guid>>(s => s.ScheduleAsync(host.Secretariat, id, plenary, default)));
        Assert.Equal("Error.RecommendationScheduled", (await host.WithAsync<RecommendationService, Outcome<Guid>>(s => s.ScheduleAsync(host.Secretariat, id, plenary, default))).Refusal?.Code);

        await using var after = await host.DbAsync();
        var item = await after.Set<AgendaItem>().SingleAsync(a => a.SessionId == plenary && a.Kind == AgendaItemKind.CommitteeRecommendation);
        var attached = await after.Set<AgendaDocument>().SingleAsync(d => d.AgendaItemId == item.Id);
        // The plan change became a document of the session, open to every member's comments.
        Assert.Equal(DocumentSpaceKind.Session, (await after.Documents.SingleAsync(d => d.Id == attached.DocumentId)).SpaceKind);
        Assert.True(await after.DocumentPermissions.AnyAsync(p => p.DocumentId == attached.DocumentId && p.Principal == Roles.Member && p.Right == DocumentRight.Comment));
        Assert.True(await after.Notifications.AnyAsync(n => n.UserId == w.ChairId && n.Link == RecommendationService.SessionLink(plenary)));
        Assert.DoesNotContain((await host.WithAsync<RecommendationService, PendingRecommendations>(s => s.PendingAsync(host.Secretariat, default))).Items, r => r.Id == id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ForwardAsync_BadInputOrAFullAgenda_SavesNothingOrWaitsForTheSecretariat(DatabaseProvider provider)
    {
        var w = await CommitteeWorkspaceHost.StartAsync(provider);
        await using var host = w.Host;
        var plenary = await host.DraftPlenaryAsync();

        // A seated member without a position does not speak for the committee.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.WithAsync<RecommendationService, Outcome<Guid>>(s => s.ForwardAsync(w.SeatedMember, w.CommitteeId, new RecommendationInput("Titre", w.DocumentId, null), default)));
        Assert.Equal("Error.RecommendationTitle", (await ForwardAsync(w, new RecommendationInput("  ", w.DocumentId, null))).Refusal?.Code);
        Assert.Equal("Error.RecommendationContent", (await ForwardAsync(w, new RecommendationInput("Titre", w.DocumentId, "Et un texte"))).Refusal?.Code);
        Assert.Equal("Error.RecommendationContent", (await ForwardAsync(w, new RecommendationInput("Titre", null, "   "))).Refusal?.Code);
        Assert.Equal("Error.RecommendationText", (await ForwardAsync(w, new RecommendationInput("Titre", null, new string('x', RecommendationService.MaxText + 1)))).Refusal?.Code);
        var platform = SessionsTestHost.Ok(await host.WithAsync<DocumentService, Outcome<Guid>>(s => s.CreateAsync(host.Secretariat, DocumentSpaceKind.Platform, null, "Plateforme", "Texte", default)));
        Assert.Equal("Error.DocumentNotFound", (await ForwardAsync(w, new RecommendationInput("Titre", platform, null))).Refusal?.Code);
        await using (var db = await host.DbAsync())
        {
            Assert.False(await db.Set<CommitteeRecommendation>().AnyAsync(r => r.CommitteeId == w.CommitteeId));
            Assert.False(await db.DocumentLabels.AnyAsync(l => l.DocumentId == w.DocumentId));
        }

        // The next plenary's agenda is full: the recommendation waits for the secretariat, nothing half-added.
        for (var i = 0; i < SessionService.MaxAgendaItems; i++)
        {
            SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, plenary, AgendaItemKind.Information, $"Point {i}", 5, default)));
        }

        var id = SessionsTestHost.Ok(await ForwardAsync(w, new RecommendationInput("Plan d'action", null, "Nouvelle action.")));
        await using var after = await host.DbAsync();
        Assert.Equal(RecommendationState.Pending, (await after.Set<CommitteeRecommendation>().SingleAsync(r => r.Id == id)).State);
        Assert.Equal(SessionService.MaxAgendaItems, await after.Set<AgendaItem>().CountAsync(a => a.SessionId == plenary));
        Assert.False(await after.Documents.AnyAsync(d => d.Title == "Plan d'action"));
    }

    private static Task<Outcome<Guid>> ForwardAsync(CommitteeWorkspaceHost w, RecommendationInput input) =>
        w.Host.WithAsync<RecommendationService, Outcome<Guid>>(s => s.ForwardAsync(w.Chair, w.CommitteeId, input, default));

    private static async Task CancelPreparedPlenariesAsync(SessionsTestHost host)
    {
        await using var db = await host.DbAsync();
        foreach (var session in await db.Set<Session>().Where(s => s.Body == SessionBody.Plenary && (s.State == SessionState.Draft || s.State == SessionState.Convened)).ToListAsync())
        {
            session.State = SessionState.Cancelled;
        }

        await db.SaveChangesAsync();
    }
}
