using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Committees;
using Noress.App.Committees.Recommendations;
using Noress.App.Data;
using Noress.App.Sessions;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;
using Noress.App.Shared.Time;
using Noress.IntegrationTests.Documents;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Committees;

/// <summary>ADR 0028: what changes in a committee is announced on its topic, so open workspaces reload.</summary>
public sealed class CommitteeLiveTests
{
    [Fact]
    public async Task CommitteeTopic_HearsItsDocumentsEdits_MeetingsAndRecommendations_AndNotOtherCommittees()
    {
        var w = await CommitteeWorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        await using var host = w.Host;
        var bus = host.Factory.Services.GetRequiredService<IEventBus>();
        var heard = new ConcurrentQueue<string>();
        using var arrived = new SemaphoreSlim(0);
        using var subscription = bus.Subscribe(Topics.Committee(w.CommitteeId), e =>
        {
            heard.Enqueue(e.Kind);
            arrived.Release();
            return Task.CompletedTask;
        });

        // A committee meeting convened.
        var start = NoressClock.ToUtc(NoressClock.Today(TimeProvider.System).AddDays(5).ToDateTime(new TimeOnly(9, 0)));
        var meeting = SessionsTestHost.Ok(await host.WithAsync<SessionService, Outcome<Guid>>(s => s.CreateAsync(host.Secretariat,
            new SessionInput(SessionBody.Committee, w.CommitteeId, "Deuxième réunion", "Tanger", start, start.AddHours(2)), default)));
        Assert.Contains(CommitteeEvents.Meetings, heard);

        // An accepted edit of a committee document through the hub (by the secretariat, which signs in with a password).
        await using (var hub = await DocumentHubClient.ConnectAsync(host.Factory, "secretariat@noress.demo"))
        {
            var snapshot = await hub.JoinAsync(w.DocumentId);
            var pushed = await hub.PushAsync(w.DocumentId, snapshot.Version, DocumentHubClient.Update("e2e-client", "[[0,\"Titre. \"]," + CommitteeWorkspaceHost.SecretText.Length + "]"));
            Assert.True(pushed.Accepted, pushed.Error);
        }

        // The editors' updates go out on the broadcaster's next tick (ADR 0046), the committee's event with them.
        while (!heard.Contains(CommitteeEvents.Documents) && await arrived.WaitAsync(TimeSpan.FromSeconds(30)))
        {
        }

        Assert.Contains(CommitteeEvents.Documents, heard);

        // A recommendation forwarded.
        SessionsTestHost.Ok(await host.WithAsync<RecommendationService, Outcome<Guid>>(s => s.ForwardAsync(w.Chair, w.CommitteeId, new RecommendationInput("Titre", null, "Texte."), default)));
        Assert.Contains(CommitteeEvents.Recommendations, heard);

        // A plenary's events are not the committee's.
        var count = heard.Count;
        var plenary = await host.DraftPlenaryAsync();
        Assert.Equal(count, heard.Count);
        Assert.NotEqual(meeting, plenary);
    }
}
