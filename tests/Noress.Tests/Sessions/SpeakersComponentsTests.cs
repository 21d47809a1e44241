using Bunit;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Sessions.Speakers;
using Noress.App.Shared.Localization;
using Noress.App.Shared.RealTime;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions;

public sealed class SpeakersComponentsTests : NoressTestContext
{
    private async Task<SpeakersFixture> ArrangeAsync(string role, bool checkIn = true)
    {
        var database = await UseDatabaseAsync();
        var fixture = await SpeakersFixture.CreateAsync(Services, database, Clock, checkIn);
        await SignInAsAsync(role);
        return fixture;
    }

    private IRenderedComponent<T> RenderFor<T>(SpeakersFixture fixture, bool withItem = true)
        where T : SpeakersComponent =>
        RenderPage<T>(p => p.Add(c => c.SessionId, fixture.SessionId).Add(c => c.AgendaItemId, withItem ? fixture.ItemId : null));

    [Fact]
    public async Task Panel_ShowsTheQueueInOrder_FirstCannotMoveUpLastCannotMoveDown()
    {
        var fixture = await ArrangeAsync(Roles.Secretariat);
        await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1);
        await fixture.AddRequestAsync(fixture.Odco, UserId, 2);

        var cut = RenderFor<SpeakersPanel>(fixture);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=speakers-entry]").Count));
        var names = cut.FindAll("[data-testid=speakers-entry-name]").Select(n => n.TextContent).ToList();
        Assert.Contains(SpeakersFixture.YoussefName, names[0], StringComparison.Ordinal);
        Assert.Contains(UserName, names[1], StringComparison.Ordinal);
        Assert.True(cut.FindAll("button[data-testid=speakers-up]")[0].HasAttribute("disabled"));
        Assert.False(cut.FindAll("button[data-testid=speakers-up]")[1].HasAttribute("disabled"));
        Assert.True(cut.FindAll("button[data-testid=speakers-down]")[1].HasAttribute("disabled"));
        Assert.NotNull(cut.Find("[data-testid=speakers-nobody]"));
    }

    [Fact]
    public async Task Panel_UpAndDrag_ReorderTheQueue()
    {
        var fixture = await ArrangeAsync(Roles.Secretariat);
        var youssef = await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1);
        var mine = await fixture.AddRequestAsync(fixture.Odco, UserId, 2);
        var cut = RenderFor<SpeakersPanel>(fixture);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=speakers-entry]").Count));

        await cut.FindAll("button[data-testid=speakers-up]")[1].ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal([mine.ToString(), youssef.ToString()], cut.FindAll("[data-testid=speakers-entry]").Select(e => e.GetAttribute("data-id"))));
        Assert.Equal([mine, youssef], (await fixture.RequestsAsync()).Select(r => r.Id));

        // Dragging the last one onto the first place puts it back first.
        await cut.FindAll("[data-testid=speakers-entry]")[1].DragStartAsync(new());
        await cut.FindAll("[data-testid=speakers-entry]")[0].DropAsync(new());

        cut.WaitForAssertion(() => Assert.Equal([youssef.ToString(), mine.ToString()], cut.FindAll("[data-testid=speakers-entry]").Select(e => e.GetAttribute("data-id"))));
        Assert.Equal([youssef, mine], (await fixture.RequestsAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task Panel_Start_CountsDownEachSecondThenShowsOvertime_AndEnd()
    {
        var fixture = await ArrangeAsync(Roles.Secretariat);
        await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1);
        var cut = RenderFor<SpeakersPanel>(fixture);
        cut.WaitForAssertion(() => cut.Find("[data-testid=speakers-entry]"));

        await cut.Find("input[data-testid=speakers-minutes], [data-testid=speakers-minutes] input").ChangeAsync(new() { Value = "1" });
        await cut.Find("button[data-testid=speakers-start]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("01:00", cut.Find("[data-testid=speech-countdown-time]").TextContent.Trim()));
        Assert.Contains(SpeakersFixture.YoussefName, cut.Find("[data-testid=speakers-current]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=speakers-empty]"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("00:59", cut.Find("[data-testid=speech-countdown-time]").TextContent.Trim()));
        Clock.Advance(TimeSpan.FromSeconds(60));
        cut.WaitForAssertion(() => Assert.Equal("+00:01", cut.Find("[data-testid=speech-countdown-time]").TextContent.Trim()));
        Assert.Equal("true", cut.Find("[data-testid=speech-countdown]").GetAttribute("data-over"));
        Assert.Equal("Temps dépassé", cut.Find("[data-testid=speech-countdown-label]").TextContent.Trim());

        await cut.Find("button[data-testid=speakers-add-minute]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("00:59", cut.Find("[data-testid=speech-countdown-time]").TextContent.Trim()));

        await cut.Find("button[data-testid=speakers-end]").ClickAsync(new());
        cut.WaitForAssertion(() => cut.Find("[data-testid=speakers-nobody]"));
        Assert.Equal(FloorState.Done, Assert.Single(await fixture.RequestsAsync()).State);
    }

    [Fact]
    public async Task Panel_AddForAnInstitutionPresent_PutsItOnTheList()
    {
        var fixture = await ArrangeAsync(Roles.Secretariat);
        await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1);
        var cut = RenderFor<SpeakersPanel>(fixture);
        cut.WaitForAssertion(() => cut.Find("[data-testid=speakers-entry]"));
        var select = cut.FindComponent<MudSelect<Guid?>>();
        Assert.Equal([fixture.Odco], select.FindComponents<MudSelectItem<Guid?>>().Select(i => i.Instance.Value));

        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(fixture.Odco));
        await cut.Find("button[data-testid=speakers-add]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=speakers-entry]").Count));
        Assert.Empty(cut.FindAll("[data-testid=speakers-add]"));
        var added = (await fixture.RequestsAsync()).Single(r => r.InstitutionId == fixture.Odco);
        Assert.Equal(UserId, added.PersonId);
    }

    [Fact]
    public async Task Panel_StartRefused_ShowsTheReason()
    {
        var fixture = await ArrangeAsync(Roles.Secretariat);
        var waiting = await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1);
        var cut = RenderFor<SpeakersPanel>(fixture);
        cut.WaitForAssertion(() => cut.Find("[data-testid=speakers-entry]"));

        // Someone else gives the floor meanwhile, and this screen has not heard of it yet.
        await fixture.AddRequestAsync(fixture.Odco, UserId, 2, FloorState.Speaking, Clock.GetUtcNow().UtcDateTime);
        await cut.Find("button[data-testid=speakers-start]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Un autre orateur a la parole\u00A0: terminez d'abord son intervention.", cut.Find("[data-testid=speakers-error]").TextContent.Trim()));
        Assert.Equal(FloorState.Waiting, (await fixture.RequestsAsync()).Single(r => r.Id == waiting).State);
    }

    [Fact]
    public async Task Panel_RequestFromAnotherScreen_AppearsWithoutReload()
    {
        var fixture = await ArrangeAsync(Roles.Secretariat);
        var cut = RenderFor<SpeakersPanel>(fixture);
        cut.WaitForAssertion(() => cut.Find("[data-testid=speakers-empty]"));

        await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1, announce: true);
        Clock.Advance(TopicFollower.DefaultDelay);

        cut.WaitForAssertion(() => Assert.Contains(SpeakersFixture.YoussefName, cut.Find("[data-testid=speakers-entry]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Button_AskThenWithdraw_ShowsThePlaceInTheQueue()
    {
        var fixture = await ArrangeAsync(Roles.Member);
        await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1);
        var cut = RenderFor<FloorRequestButton>(fixture);
        cut.WaitForAssertion(() => cut.Find("button[data-testid=floor-ask]"));

        await cut.Find("button[data-testid=floor-ask]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Votre rang\u00A0: 2 sur 2", cut.Find("[data-testid=floor-rank]").TextContent.Trim()));
        var mine = (await fixture.RequestsAsync()).Single(r => r.InstitutionId == fixture.Odco);
        Assert.Equal(UserId, mine.PersonId);

        await cut.Find("button[data-testid=floor-withdraw]").ClickAsync(new());
        cut.WaitForAssertion(() => cut.Find("button[data-testid=floor-ask]"));
        Assert.Equal(FloorState.Withdrawn, (await fixture.RequestsAsync()).Single(r => r.Id == mine.Id).State);
    }

    [Fact]
    public async Task Button_NotCheckedIn_SaysSoAndOffersNoButton()
    {
        var fixture = await ArrangeAsync(Roles.Member, checkIn: false);

        var cut = RenderFor<FloorRequestButton>(fixture);

        cut.WaitForAssertion(() => cut.Find("[data-testid=floor-not-checked-in]"));
        Assert.Empty(cut.FindAll("button[data-testid=floor-ask]"));
    }

    [Fact]
    public async Task Button_WhenGivenTheFloorElsewhere_ShowsItLiveWithTheCountdown()
    {
        var fixture = await ArrangeAsync(Roles.Member);
        var cut = RenderFor<FloorRequestButton>(fixture);
        cut.WaitForAssertion(() => cut.Find("button[data-testid=floor-ask]"));

        await fixture.AddRequestAsync(fixture.Odco, UserId, 1, FloorState.Speaking, Clock.GetUtcNow().UtcDateTime, 120, announce: true);
        Clock.Advance(TopicFollower.DefaultDelay);

        cut.WaitForAssertion(() => cut.Find("[data-testid=floor-speaking]"));
        Assert.Equal("02:00", cut.Find("[data-testid=speech-countdown-time]").TextContent.Trim());

        // The countdown turns on the speech's whole seconds, not a second after this screen heard of it.
        Clock.Advance(TimeSpan.FromSeconds(1) - TopicFollower.DefaultDelay);
        cut.WaitForAssertion(() => Assert.Equal("01:59", cut.Find("[data-testid=speech-countdown-time]").TextContent.Trim()));
    }

    [Fact]
    public async Task SpeakerNow_ShowsWhoSpeaksInLargeType_TheCountdownAndWhoIsNext()
    {
        var fixture = await ArrangeAsync(Roles.Member);
        await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1, FloorState.Speaking, Clock.GetUtcNow().UtcDateTime, 90);
        await fixture.AddRequestAsync(fixture.Odco, UserId, 2);

        var cut = RenderFor<SpeakerNow>(fixture);

        cut.WaitForAssertion(() => Assert.Equal(SpeakersFixture.YoussefName, cut.Find("[data-testid=speaker-now-name]").TextContent.Trim()));
        Assert.Equal("REMESS", cut.Find("[data-testid=speaker-now-institution]").TextContent.Trim());
        Assert.Contains("mud-typography-h1", cut.Find("[data-testid=speech-countdown] p").ClassName, StringComparison.Ordinal);
        Assert.Equal("01:30", cut.Find("[data-testid=speech-countdown-time]").TextContent.Trim());
        Assert.Contains(UserName, cut.Find("[data-testid=speaker-now-next]").TextContent, StringComparison.Ordinal);
        Clock.Advance(TimeSpan.FromSeconds(30));
        cut.WaitForAssertion(() => Assert.Equal("01:00", cut.Find("[data-testid=speech-countdown-time]").TextContent.Trim()));
    }

    [Fact]
    public async Task SpeakerNow_WithoutItem_ShowsTheSessionsSpeakerOrNobody()
    {
        var fixture = await ArrangeAsync(Roles.Member);
        var cut = RenderFor<SpeakerNow>(fixture, withItem: false);
        cut.WaitForAssertion(() => cut.Find("[data-testid=speaker-now-nobody]"));

        await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1, FloorState.Speaking, Clock.GetUtcNow().UtcDateTime, announce: true);
        Clock.Advance(TopicFollower.DefaultDelay);

        cut.WaitForAssertion(() => Assert.Equal(SpeakersFixture.YoussefName, cut.Find("[data-testid=speaker-now-name]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=speaker-now-next]"));
    }

    [Fact]
    public async Task Components_InArabic_AreArabicWithTheCountdownLeftToRightAndNamesIsolated()
    {
        UseCulture(NoressCultures.Arabic);
        var fixture = await ArrangeAsync(Roles.Secretariat);
        await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1, FloorState.Speaking, Clock.GetUtcNow().UtcDateTime.AddSeconds(-200));
        await fixture.AddRequestAsync(fixture.Odco, UserId, 2);

        var panel = RenderFor<SpeakersPanel>(fixture);
        var now = RenderFor<SpeakerNow>(fixture);

        panel.WaitForAssertion(() => Assert.Equal("لائحة المتدخلين", panel.Find("h2").TextContent.Trim()));
        Assert.Equal("تجاوز الوقت", panel.Find("[data-testid=speech-countdown-label]").TextContent.Trim());
        Assert.Equal("ltr", panel.Find("[data-testid=speech-countdown-time]").GetAttribute("dir"));
        Assert.Equal("+00:20", panel.Find("[data-testid=speech-countdown-time]").TextContent.Trim());
        Assert.NotNull(panel.Find("[data-testid=speakers-entry-name] bdi"));
        Assert.Equal("رفع \u2068" + UserName + "\u2069 · \u2068ODCO\u2069", panel.Find("button[data-testid=speakers-up]").GetAttribute("aria-label"));
        now.WaitForAssertion(() => Assert.Equal("لديه الكلمة", now.Find("[data-testid=speaker-now] p").TextContent.Trim()));
        Assert.Equal("bdi", now.Find("[data-testid=speaker-now-name] bdi").TagName.ToLowerInvariant());
    }

    [Fact]
    public async Task Components_WithMarkerLocalizer_HaveOnlyLocalizedTextBesideData()
    {
        UseMarkerLocalizer();
        var fixture = await ArrangeAsync(Roles.Secretariat);
        await fixture.AddRequestAsync(fixture.Remess, SpeakersFixture.YoussefId, 1, FloorState.Speaking, Clock.GetUtcNow().UtcDateTime);
        await fixture.AddRequestAsync(fixture.Odco, UserId, 2);

        var panel = RenderFor<SpeakersPanel>(fixture);
        var now = RenderFor<SpeakerNow>(fixture);
        var button = RenderFor<FloorRequestButton>(fixture);

        panel.WaitForAssertion(() => panel.Find("[data-testid=speakers-entry]"));
        button.WaitForAssertion(() => button.Find("[data-testid=floor-rank]"));
        var problems = new[] { panel.Markup, now.Markup, button.Markup }
            .SelectMany(m => UnlocalizedTextChecker.Find(m, UserName, SpeakersFixture.YoussefName, "ODCO", "REMESS", "03:00", "1", "·"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
