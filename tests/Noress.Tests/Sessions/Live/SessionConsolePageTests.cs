using System.Reflection;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Sessions;
using Noress.App.Sessions.Live;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Pdf;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Sessions.Live;

/// <summary>The console over the real sessions services and an in-memory database: three institutions, one open session.</summary>
public sealed class SessionConsolePageTests : NoressTestContext
{
    private static readonly string[] Acronyms = ["ADS", "ODCO", "REMESS"];

    private readonly Dictionary<string, (Guid Institution, ClaimsPrincipal Representative)> members = [];
    private Guid sessionId;

    private async Task ArrangeAsync()
    {
        var database = await UseDatabaseAsync();
        Services.AddNoressDocuments(new ConfigurationBuilder().Build());
        Services.AddNoressPdf(new ConfigurationBuilder().Build());
        Services.AddNoressSessions();
        await SignInAsAsync(Roles.Secretariat);
        var today = new DateOnly(2026, 3, 5);
        await using var db = await database.Factory.CreateDbContextAsync();
        foreach (var acronym in Acronyms)
        {
            var institution = new Institution { Acronym = acronym, NameFr = $"Institution {acronym}", NameAr = $"مؤسسة {acronym}", Status = MembershipStatus.Active };
            var user = new NoressUser { Id = Guid.NewGuid(), FullName = $"Représentant {acronym}", UserName = $"{acronym}@noress.test", Email = $"{acronym}@noress.test", InstitutionId = institution.Id };
            db.AddRange(institution, user);
            db.Add(new MouSignature { InstitutionId = institution.Id, Status = MouStatus.Countersigned, SignedOn = today.AddYears(-1), CountersignedOn = today.AddYears(-1), ExpiresOn = today.AddYears(1) });
            db.Add(new RepresentativeMandate { InstitutionId = institution.Id, UserId = user.Id, Role = RepresentativeRole.Titular, StartsOn = today.AddDays(-30) });
            members[acronym] = (institution.Id, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Member)], "test")));
        }

        var session = new Session
        {
            Title = "Assemblée générale",
            Place = "Tétouan",
            State = SessionState.Open,
            StartsAt = new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc),
        };
        db.Add(session);
        db.Add(new AgendaItem { SessionId = session.Id, Position = 0, Kind = AgendaItemKind.Deliberation, Title = "Plan d'action 2027", EstimatedMinutes = 30 });
        await db.SaveChangesAsync();
        sessionId = session.Id;
    }

    [Fact]
    public void Page_IsForTheSecretariatOnly()
    {
        Assert.Equal(Policies.Secretariat, typeof(SessionConsolePage).GetCustomAttribute<AuthorizeAttribute>()?.Policy);
    }

    [Fact]
    public async Task CheckIn_OpenVote_CountLive_Close_ShowsTheResultMarkedWithoutQuorum()
    {
        await ArrangeAsync();
        RenderPage<MudPopoverProvider>();
        var cut = RenderPage<SessionConsolePage>(p => p.Add(c => c.Id, sessionId));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=attendance-row]").Count));
        Assert.Equal("false", cut.Find("[data-testid=quorum-banner]").GetAttribute("data-reached"));

        cut.Find("[data-testid=attendance-row][data-institution=ADS] [data-testid=check-in]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Present", cut.Find("[data-testid=attendance-row][data-institution=ADS]").GetAttribute("data-mark")));

        cut.Find("[data-testid=set-current-item]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Plan d'action 2027", cut.Find("[data-testid=current-item-title]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=vote-question]").Input("Adopter le plan d'action 2027 ?");
        cut.Find("[data-testid=open-vote-submit]").Click();
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=participation-count]").GetAttribute("data-count")));
        Assert.Single(cut.FindAll("[data-testid=opened-without-quorum]"));
        var voteId = Guid.Parse(cut.Find("[data-testid=open-vote]").GetAttribute("data-vote")!);

        // A representative votes on their own device: the console's count follows the vote's event.
        var cast = await Services.GetRequiredService<VoteService>().CastAsync(members["ADS"].Representative, voteId, members["ADS"].Institution, VoteChoice.For, default);
        Assert.True(cast.Succeeded, cast.Error);
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=participation-count]").GetAttribute("data-count")));
        Assert.Contains("1 institutions ont voté sur 1", cut.Find("[data-testid=participation-count]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=close-vote]").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=closed-vote]")));
        Assert.Empty(cut.FindAll("[data-testid=open-vote]"));
        Assert.Equal("Pour 1, contre 0, abstentions 0", cut.Find("[data-testid=vote-counts]").TextContent.Trim());
        Assert.Equal("Adopté", cut.Find("[data-testid=vote-verdict]").TextContent.Trim());
        Assert.Contains("suffrages exprimés (1), 1 voix pour requises", cut.Find("[data-testid=vote-base]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Vote clos sans quorum.", cut.Find("[data-testid=vote-without-quorum]").TextContent.Trim());
        Assert.Contains("ADS", cut.Find("[data-testid=vote-names]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckOut_APresentInstitution_MarksItAbsentAndOffersTheCheckInAgain()
    {
        await ArrangeAsync();
        RenderPage<MudPopoverProvider>();
        var cut = RenderPage<SessionConsolePage>(p => p.Add(c => c.Id, sessionId));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=attendance-row]").Count));
        Assert.Empty(cut.FindAll("[data-testid=check-out]"));
        cut.Find("[data-testid=attendance-row][data-institution=ADS] [data-testid=check-in]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Present", cut.Find("[data-testid=attendance-row][data-institution=ADS]").GetAttribute("data-mark")));
        Assert.Equal("Marquer le départ de ADS", cut.Find("[data-testid=attendance-row][data-institution=ADS] [data-testid=check-out]").GetAttribute("aria-label"));

        cut.Find("[data-testid=attendance-row][data-institution=ADS] [data-testid=check-out]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Absent", cut.Find("[data-testid=attendance-row][data-institution=ADS]").GetAttribute("data-mark")));
        Assert.Single(cut.FindAll("[data-testid=attendance-row][data-institution=ADS] [data-testid=check-in]"));
        Assert.Empty(cut.FindAll("[data-testid=check-out]"));
        Assert.Empty(cut.FindAll("[data-testid=console-error]"));
    }

    [Fact]
    public async Task CloseVote_ClosedElsewhereFirst_ShowsTheRefusal()
    {
        await ArrangeAsync();
        RenderPage<MudPopoverProvider>();
        var cut = RenderPage<SessionConsolePage>(p => p.Add(c => c.Id, sessionId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=open-vote-submit]")));
        cut.Find("[data-testid=vote-question]").Input("Adopter le budget ?");
        cut.Find("[data-testid=open-vote-submit]").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=close-vote]")));
        var voteId = Guid.Parse(cut.Find("[data-testid=open-vote]").GetAttribute("data-vote")!);
        var secretariat = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, UserId.ToString()), new Claim(ClaimTypes.Role, Roles.Secretariat)], "test"));
        Assert.True((await Services.GetRequiredService<VoteService>().CloseAsync(secretariat, voteId, default)).Succeeded);

        // The console has not reloaded yet (its follower waits on the fake clock): its close button is stale.
        cut.Find("[data-testid=close-vote]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Ce vote est déjà clos.", cut.Find("[data-testid=console-error]").TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=closed-vote]"));
    }

    [Fact]
    public async Task Override_ReasonTooShortThenWritten_IsRefusedThenRecordedWithTheReason()
    {
        await ArrangeAsync();
        var dialogs = RenderPage<MudDialogProvider>();
        RenderPage<MudPopoverProvider>();
        var cut = RenderPage<SessionConsolePage>(p => p.Add(c => c.Id, sessionId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=open-vote-submit]")));
        cut.Find("[data-testid=vote-question]").Input("Adopter le budget ?");
        cut.Find("[data-testid=open-vote-submit]").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=close-vote]")));
        cut.Find("[data-testid=close-vote]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Rejeté", cut.Find("[data-testid=vote-verdict]").TextContent.Trim()));

        var opening = cut.InvokeAsync(() => cut.Find("[data-testid=override-open]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=override-reason]")));
        dialogs.Find("[data-testid=override-reason]").Input("Erreur");
        await dialogs.Find("[data-testid=override-submit]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.Find("[data-testid=override-error]").TextContent.Trim()));

        dialogs.Find("[data-testid=override-reason]").Input("Une voix pour a été recueillie sur papier après une panne.");
        await dialogs.Find("[data-testid=override-submit]").ClickAsync(new());
        await opening;

        cut.WaitForAssertion(() => Assert.Equal("Adopté", cut.Find("[data-testid=vote-verdict]").TextContent.Trim()));
        Assert.Contains("Une voix pour a été recueillie sur papier", cut.Find("[data-testid=vote-override]").TextContent, StringComparison.Ordinal);
        Assert.Contains("calculé\u00a0: Rejeté", cut.Find("[data-testid=vote-override]").TextContent, StringComparison.Ordinal);
    }
}
