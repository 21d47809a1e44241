using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Committees.Workspace;
using Noress.App.Shared.RealTime;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Committees;

public sealed class CommitteeActivityFeedTests : NoressTestContext
{
    private static readonly Guid CommitteeId = Guid.Parse("2b7c1f3e-5a6d-4e8f-9a0b-1c2d3e4f5a6b");
    private readonly FakeFeed feed = new();

    public CommitteeActivityFeedTests() => Services.AddSingleton<ICommitteeFeed>(feed);

    [Fact]
    public async Task Render_Member_ShowsTheActivityNewestFirstWithLinks()
    {
        await SignInAsAsync(Roles.Member);
        feed.Items = [
            new CommitteeActivity(new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc), CommitteeEvents.Documents, "Salma a créé le document « Feuille de route »", "/documents/1"),
            new CommitteeActivity(new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc), CommitteeEvents.Meetings, "Réunion convoquée", null),
        ];

        var cut = RenderPage<CommitteeActivityFeed>(p => p.Add(f => f.CommitteeId, CommitteeId));

        var items = cut.FindAll("[data-testid=committee-activity]");
        Assert.Equal(2, items.Count);
        Assert.Contains("Feuille de route", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("documents", items[0].GetAttribute("data-kind"));
        Assert.Equal("/documents/1", cut.Find("[data-testid=committee-activity] a, a[data-testid=committee-activity]").GetAttribute("href"));
        Assert.Contains("Activité", cut.Find("h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitteeEvent_OnTheBus_ReloadsTheFeed()
    {
        await SignInAsAsync(Roles.Member);
        var cut = RenderPage<CommitteeActivityFeed>(p => p.Add(f => f.CommitteeId, CommitteeId));
        Assert.NotNull(cut.Find("[data-testid=committee-feed-none]"));

        feed.Items = [new CommitteeActivity(new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc), CommitteeEvents.Recommendations, "Recommandation transmise", null)];
        await Services.GetRequiredService<IEventBus>().PublishAsync(Topics.Committee(CommitteeId), new BusEvent(CommitteeEvents.Recommendations));
        Clock.Advance(TopicFollower.DefaultDelay);

        cut.WaitForAssertion(() => Assert.Contains("Recommandation transmise", cut.Find("[data-testid=committee-activity]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherCommitteesEvent_DoesNotReload()
    {
        await SignInAsAsync(Roles.Member);
        var cut = RenderPage<CommitteeActivityFeed>(p => p.Add(f => f.CommitteeId, CommitteeId));
        var loads = feed.Loads;

        await Services.GetRequiredService<IEventBus>().PublishAsync(Topics.Committee(Guid.NewGuid()), new BusEvent(CommitteeEvents.Documents));
        Clock.Advance(TopicFollower.DefaultDelay);

        Assert.Equal(loads, feed.Loads);
        Assert.NotNull(cut.Find("[data-testid=committee-feed-none]"));
    }

    [Fact]
    public async Task Render_WhenTheServiceRefuses_RendersNothing()
    {
        await SignInAsAsync(Roles.Member);
        feed.Items = null;

        var cut = RenderPage<CommitteeActivityFeed>(p => p.Add(f => f.CommitteeId, CommitteeId));

        Assert.Empty(cut.FindAll("[data-testid=committee-feed]"));
    }

    private sealed class FakeFeed : ICommitteeFeed
    {
        public IReadOnlyList<CommitteeActivity>? Items { get; set; } = [];

        public int Loads { get; private set; }

        public Task<IReadOnlyList<CommitteeActivity>?> ActivityAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken ct)
        {
            Loads++;
            return Task.FromResult(committeeId == CommitteeId ? Items : null);
        }
    }
}
