using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar.Feed;
using Noress.App.Committees.Recommendations;
using Noress.App.Committees.Workspace;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Sessions;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Documents;
using Noress.IntegrationTests.Infrastructure;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Committees;

/// <summary>ADR 0028: a committee's private content reaches its people and the staff only, whatever the way in.</summary>
public sealed class CommitteeWorkspacePrivacyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MemberOfAnotherCommittee_GetsNothingOfAPrivateWorkspace_FromAnyEndpoint(DatabaseProvider provider)
    {
        var w = await CommitteeWorkspaceHost.StartAsync(provider);
        await using var host = w.Host;
        var outsider = await host.PrincipalAsync(CommitteeWorkspaceHost.Outsider);
        var outsiderId = SessionsAccess.UserId(outsider)!.Value;

        // Pages, as prerendered for the browser.
        using var client = await host.Factory.CreateSignedInClientAsync(CommitteeWorkspaceHost.Outsider);
        var workspace = await client.GetStringAsync($"/committees/{w.CommitteeId}");
        Assert.Contains("data-testid=\"committee-private\"", workspace, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"committee-title\"", workspace, StringComparison.Ordinal);
        foreach (var page in new[] { workspace, await client.GetStringAsync($"/documents/{w.DocumentId}"), await client.GetStringAsync($"/documents/{w.DocumentId}/history"), await client.GetStringAsync($"/documents/{w.DocumentId}/comments") })
        {
            Assert.DoesNotContain("FORMATION-7Q", page, StringComparison.Ordinal);
        }

        // Exports and print.
        foreach (var export in new[] { "export.pdf", "export.md", "print" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/documents/{w.DocumentId}/{export}")).StatusCode);
        }

        // The co-editing hub.
        await using (var hub = await DocumentHubClient.ConnectAsync(host.Factory, CommitteeWorkspaceHost.Outsider))
        {
            await Assert.ThrowsAsync<HubException>(() => hub.JoinAsync(w.DocumentId));
        }

        // The workspace's services: feed, meetings, documents, recommendations, and the document list.
        Assert.Null(await host.WithAsync<CommitteeWorkspaceService, IReadOnlyList<CommitteeActivity>?>(s => s.ActivityAsync(outsider, w.CommitteeId, default)));
        Assert.Null(await host.WithAsync<CommitteeWorkspaceService, CommitteeMeetings?>(s => s.MeetingsAsync(outsider, w.CommitteeId, default)));
        // Only the documents the committee shares with the network (the demo's summary note) are listed.
        var listed = await host.WithAsync<CommitteeWorkspaceService, IReadOnlyList<SpaceDocumentItem>>(s => s.DocumentsAsync(outsider, w.CommitteeId, default));
        Assert.DoesNotContain(listed, d => d.Id == w.DocumentId);
        Assert.All(listed, d => Assert.True(d.SharedWithNetwork));
        Assert.Null(await host.WithAsync<RecommendationService, IReadOnlyList<RecommendationItem>?>(s => s.OfCommitteeAsync(outsider, w.CommitteeId, default)));
        Assert.DoesNotContain(await host.WithAsync<DocumentService, IReadOnlyList<DocumentListItem>>(s => s.ListAsync(outsider, default)), d => d.Id == w.DocumentId);

        // The calendar feed: the committee's meeting is in its members' feed, not in the outsider's.
        var feeds = host.Factory.Services.GetRequiredService<CalendarFeedService>();
        var outsiderIcs = await client.GetStringAsync($"/calendar/feed/{await feeds.RegenerateAsync(outsiderId)}.ics");
        var chairIcs = await client.GetStringAsync($"/calendar/feed/{await feeds.RegenerateAsync(w.ChairId)}.ics");
        Assert.DoesNotContain("FORMATION-7Q", outsiderIcs, StringComparison.Ordinal);
        Assert.Contains("FORMATION-7Q", chairIcs, StringComparison.Ordinal);

        // Notifications: a mention in the document's comments reaches the committee's people only.
        SessionsTestHost.Ok(await host.WithAsync<DocumentCommentService, Outcome<Guid>>(s => s.CreateThreadAsync(host.Secretariat, w.DocumentId, 0, 0, 5,
            $"Voir @{CommitteeWorkspaceHost.Outsider} et @rep.fan@sessions.test", default)));
        await using (var db = await host.DbAsync())
        {
            var link = $"/documents/{w.DocumentId}";
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == outsiderId && n.Link == link));
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == w.ChairId && n.Link == link));
        }

        // The session agenda's document links: a private document attached to a plenary item shows no title to the outsider.
        var plenary = await host.DraftPlenaryAsync();
        var item = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AddAgendaItemAsync(host.Secretariat, plenary, AgendaItemKind.Information, "Point d'information", 10, default)));
        SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.AttachDocumentAsync(host.Secretariat, item, w.DocumentId, default)));
        var links = await host.WithAsync<SessionService, IReadOnlyList<AgendaDocumentLink>>(s => s.AgendaDocumentsAsync(outsider, plenary, default));
        Assert.Null(Assert.Single(links).Title);

        // The committee's own people see all of it (the test can fail).
        var feed = await host.WithAsync<CommitteeWorkspaceService, IReadOnlyList<CommitteeActivity>?>(s => s.ActivityAsync(w.SeatedMember, w.CommitteeId, default));
        Assert.Contains(feed!, a => a.Text.Contains("FORMATION-7Q", StringComparison.Ordinal) && a.Kind == "documents");
        Assert.Contains(feed!, a => a.Text.Contains("FORMATION-7Q", StringComparison.Ordinal) && a.Kind == "meetings");
        Assert.Single((await host.WithAsync<CommitteeWorkspaceService, CommitteeMeetings?>(s => s.MeetingsAsync(w.SeatedMember, w.CommitteeId, default)))!.Sessions);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SharedWithTheNetwork_OpensTheDocumentToReading_AndClosingItShutsItAgain(DatabaseProvider provider)
    {
        var w = await CommitteeWorkspaceHost.StartAsync(provider);
        await using var host = w.Host;
        using var client = await host.Factory.CreateSignedInClientAsync(CommitteeWorkspaceHost.Outsider);
        var outsider = await host.PrincipalAsync(CommitteeWorkspaceHost.Outsider);

        SessionsTestHost.Ok(await host.WithAsync<CommitteeWorkspaceService, Outcome<Guid>>(s => s.SetSharedAsync(w.SeatedMember, w.CommitteeId, w.DocumentId, true, default)));
        Assert.Contains(CommitteeWorkspaceHost.SecretText, await client.GetStringAsync($"/documents/{w.DocumentId}/export.md"), StringComparison.Ordinal);
        var shared = Assert.Single(await host.WithAsync<CommitteeWorkspaceService, IReadOnlyList<SpaceDocumentItem>>(s => s.DocumentsAsync(outsider, w.CommitteeId, default)), d => d.Id == w.DocumentId);
        Assert.Equal((DocumentRight.Read, true), (shared.Right, shared.SharedWithNetwork));

        SessionsTestHost.Ok(await host.WithAsync<CommitteeWorkspaceService, Outcome<Guid>>(s => s.SetSharedAsync(w.Chair, w.CommitteeId, w.DocumentId, false, default)));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/documents/{w.DocumentId}/export.md")).StatusCode);
        // Only those who may edit it switch it.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.WithAsync<CommitteeWorkspaceService, Outcome<Guid>>(s => s.SetSharedAsync(outsider, w.CommitteeId, w.DocumentId, true, default)));
    }
}
