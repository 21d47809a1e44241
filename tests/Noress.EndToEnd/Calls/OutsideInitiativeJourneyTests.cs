using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Noress.App.Accounts;
using Noress.App.Calls;
using Noress.App.Calls.Review;
using Noress.App.Calls.Screening;
using Noress.App.Data;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.Operations;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Calls;

/// <summary>
/// An outside initiative registers, confirms from its mail, lands in its own area and nowhere else (ADR 0038); from a
/// competition's public page it applies and, through screening, scoring and deliberation, wins a prize (ADR 0041).
/// </summary>
[Collection(MailingNoressServerCollection.Name)]
public sealed partial class OutsideInitiativeJourneyTests(MailingNoressServer mailing)
{
    private const string Arabic = "ar-MA";
    private const string Password = "Argane-2026-huile";

    [Fact]
    public async Task OutsideInitiative_RegistersInArabic_ConfirmsFromTheMail_AndSeesOnlyItsArea()
    {
        var server = mailing.Server;
        var email = $"initiative-{Guid.NewGuid():N}@example.org";

        // From the sign-in page, in Arabic (right to left), to the registration form.
        await using var browser = await server.OpenSessionAsync(Arabic);
        await browser.Page.GotoAsync("Account/Login");
        await browser.Page.GetByTestId("register-initiative-link").ClickAsync();
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await browser.Page.Locator("#initiative-name").FillAsync("تعاونية تيفاوين");
        await browser.Page.Locator("#legal-form").SelectOptionAsync("Cooperative");
        await browser.Page.Locator("#city").FillAsync("تطوان");
        await browser.Page.Locator("#contact").FillAsync("سلمى الإدريسي");
        await browser.Page.Locator("#email").FillAsync(email);
        await browser.Page.Locator("#password").FillAsync(Password);
        await browser.Page.Locator("#confirm").FillAsync(Password);
        await browser.Page.Locator("#consent").CheckAsync();
        await browser.Page.GetByTestId("register-submit").ClickAsync();
        await Expect(browser.Page.GetByTestId("register-sent")).ToBeVisibleAsync();

        // Signing in before confirming is refused.
        await browser.Page.GotoAsync("Account/Login");
        await browser.Page.Locator("#email").FillAsync(email);
        await browser.Page.Locator("#password").FillAsync(Password);
        await browser.Page.GetByTestId("login-submit").ClickAsync();
        await Expect(browser.Page.GetByTestId("login-error")).ToHaveTextAsync(Texts.Account("Outside.Login.NotConfirmed", Arabic));

        // The outbox sends the mail (run now rather than waited for); the first link confirms.
        await server.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();
        var mail = mailing.MessagesTo(email)[0];
        var link = new Uri(ConfirmLink().Match(mail.TextBody ?? string.Empty).Value);
        await browser.Page.GotoAsync(link.PathAndQuery);
        await Expect(browser.Page.GetByTestId("confirm-done")).ToBeVisibleAsync();

        // Signed in, it lands on its own area: its details, no applications, no members' drawer.
        await browser.Page.GotoAsync("Account/Login");
        await browser.Page.Locator("#email").FillAsync(email);
        await browser.Page.Locator("#password").FillAsync(Password);
        await browser.Page.GetByTestId("login-submit").ClickAsync();
        await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/applicant");
        await Expect(browser.Page.Locator("h1")).ToHaveTextAsync(Texts.Outside("Home.Title", Arabic));
        await Expect(browser.Page.GetByTestId("applicant-details")).ToContainTextAsync("تعاونية تيفاوين");
        await Expect(browser.Page.GetByTestId("applicant-no-applications")).ToBeVisibleAsync();
        await Expect(browser.Page.Locator(".mud-drawer")).ToHaveCountAsync(0);

        // A direct visit to the members' pages or the documents is refused: back to its area, with a notice.
        foreach (var path in new[] { "members", "documents" })
        {
            await browser.Page.GotoAsync(path);
            await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/applicant");
            await Expect(browser.Page.GetByTestId("applicant-refused")).ToBeVisibleAsync();
        }

        await browser.AssertNoBrowserErrorsAsync();
    }

    [Fact]
    public async Task CompetitionEntry_FromAnOutsideInitiative_GoesFromRegistrationToAPrize()
    {
        var server = mailing.Server;
        var email = $"entry-{Guid.NewGuid():N}@example.org";
        var call = await CompetitionAsync(server.Services);
        var wait = new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 };

        // The public call page leads to the registration, which keeps the call through the confirmation mail.
        await using var browser = await server.OpenSessionAsync();
        await browser.Page.GotoAsync($"public/calls/{call}");
        await browser.Page.GetByTestId("public-call-register").ClickAsync();
        // The registration page arrives by enhanced navigation: type only once its fetch has landed, or the DOM patch
        // that follows replaces what was typed (seen under load: the first field emptied).
        await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/RegisterInitiative", new() { Timeout = 60_000 });
        await browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
        await Expect(browser.Page.Locator("#initiative-name")).ToBeVisibleAsync(wait);
        await browser.Page.Locator("#initiative-name").FillAsync("Coopérative Tifawin");
        await browser.Page.Locator("#legal-form").SelectOptionAsync("Cooperative");
        await browser.Page.Locator("#city").FillAsync("Tétouan");
        await browser.Page.Locator("#contact").FillAsync("Salma Idrissi");
        await browser.Page.Locator("#email").FillAsync(email);
        await browser.Page.Locator("#password").FillAsync(Password);
        await browser.Page.Locator("#confirm").FillAsync(Password);
        await browser.Page.Locator("#consent").CheckAsync();
        await browser.Page.GetByTestId("register-submit").ClickAsync();
        await Expect(browser.Page.GetByTestId("register-sent")).ToBeVisibleAsync(wait);

        await server.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();
        var link = new Uri(ConfirmLink().Match(mailing.MessagesTo(email)[0].TextBody ?? string.Empty).Value);
        await browser.Page.GotoAsync(link.PathAndQuery);
        await Expect(browser.Page.GetByTestId("confirm-done")).ToBeVisibleAsync(wait);
        await browser.Page.GetByTestId("confirm-sign-in").ClickAsync();
        await Expect(browser.Page.Locator("#email")).ToBeVisibleAsync(wait);
        await browser.Page.Locator("#email").FillAsync(email);
        await browser.Page.Locator("#password").FillAsync(Password);
        await browser.Page.GetByTestId("login-submit").ClickAsync();

        // Signed in, it lands on its entry in that call, starts it, fills it and submits it.
        await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/applicant/calls/{call}", new() { Timeout = 60_000 });
        await browser.Page.Locator("#project-title").FillAsync("Séchoir solaire partagé");
        await browser.Page.GetByTestId("applicant-start").ClickAsync();
        await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/applicant/applications/", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await browser.WaitForInteractiveAsync();

        // Its long answer is written in place (an outside account has no documents): saved when it leaves the field.
        var story = browser.Page.Locator("textarea[data-testid=long-text-inline], [data-testid=long-text-inline] textarea").First;
        await story.FillAsync(Story);
        await story.PressAsync("Tab");
        await Expect(browser.Page.GetByTestId("autosave-status")).ToContainTextAsync(SavedPrefix(), new() { Timeout = 60_000 });
        await browser.Page.Locator("[data-kind=Text] input").FillAsync("Une coopérative de femmes qui sèche les plantes aromatiques au soleil.");
        await Expect(browser.Page.Locator("[data-kind=Text] input")).ToHaveValueAsync("Une coopérative de femmes qui sèche les plantes aromatiques au soleil.");
        await browser.Page.GetByTestId("application-submit").ClickAsync();
        await Expect(browser.Page.GetByTestId("application-receipt")).ToBeVisibleAsync(wait);
        var application = Guid.Parse(new Uri(browser.Page.Url).AbsolutePath.Split('/')[^1]);

        // The deadline passes (the schedule is moved rather than waited for); the secretariat screens the entry eligible,
        // two jurors score it, the chair awards it the first prize, and the results instant comes.
        await MoveScheduleAsync(server.Services, call, c => c.DeadlineAt, DateTime.UtcNow.AddSeconds(-1));
        var secretariat = await PrincipalAsync(server.Services, "secretariat@noress.demo");
        var chair = await PrincipalAsync(server.Services, "rep1@noress.demo");
        var juror = await PrincipalAsync(server.Services, "rep2@noress.demo");
        await WorkflowAsync(server.Services, w => w.TransitionAsync(secretariat, application, ApplicationState.Screening, null, null, default));
        await WorkflowAsync(server.Services, w => w.TransitionAsync(secretariat, application, ApplicationState.UnderEvaluation, null, null, default));
        foreach (var person in new[] { chair, juror })
        {
            await ScoreAsync(server.Services, secretariat, person, call, application);
        }

        await WorkflowAsync(server.Services, w => w.TransitionAsync(chair, application, ApplicationState.Deliberation, null, null, default));
        await WorkflowAsync(server.Services, w => w.TransitionAsync(chair, application, ApplicationState.Awarded, null, 1, default));

        // Awarded, not yet published: even past the results date, its area reads "in deliberation" (ADR 0050).
        await MoveScheduleAsync(server.Services, call, c => c.ResultsAt, DateTime.UtcNow.AddSeconds(-1));
        await browser.Page.GotoAsync("applicant");
        await Expect(browser.Page.GetByTestId("applicant-result")).ToHaveTextAsync(string.Empty, new() { Timeout = 60_000 });

        // The secretariat publishes the results from the call's outputs page, as a person does.
        await using (var staff = await server.OpenSessionAsync())
        {
            await staff.SignInAsync("secretariat@noress.demo", returnPath: $"/calls/{call}/outputs");
            await staff.WaitForInteractiveAsync();
            await staff.Page.GetByTestId("results-publish").ClickAsync();
            await Expect(staff.Page.GetByTestId("results-published")).ToBeVisibleAsync(wait);
            await staff.AssertNoBrowserErrorsAsync();
        }

        // In its own area, the entry shows its prize; its page, its long answer, its letter and its dossier.
        await browser.Page.GotoAsync("applicant");
        await Expect(browser.Page.GetByTestId("applicant-result")).ToHaveTextAsync(
            string.Format(CultureInfo.InvariantCulture, Texts.Outside("Result.Prize", "fr"), 1), new() { Timeout = 60_000 });
        await browser.Page.GotoAsync($"applicant/applications/{application}");
        await Expect(browser.Page.GetByTestId("application-result")).ToBeVisibleAsync(wait);
        await Expect(story).ToHaveValueAsync(Story);
        await Expect(browser.Page.GetByTestId("decision-letter-link")).ToHaveAttributeAsync("href", $"applications/{application}/decision-letter");
        await Expect(browser.Page.GetByTestId("dossier-link")).ToHaveAttributeAsync("href", $"applications/{application}/dossier");
        await browser.AssertNoBrowserErrorsAsync();
    }

    private const string Story = "Née à Tétouan en 2019, la coopérative réunit douze femmes autour d’un séchoir solaire.";

    /// <summary>The start of the "saved at" line of the application page, in French.</summary>
    private static string SavedPrefix() =>
        new System.Resources.ResourceManager(typeof(CallsText).FullName!, typeof(CallsText).Assembly)
            .GetString("Form.Saved", CultureInfo.GetCultureInfo("fr"))!.Split('{')[0].Trim();

    /// <summary>A blind competition open to outside initiatives, open now, with two jurors (rep1 chairs): the demo one keeps its schedule for the other journeys.</summary>
    private static async Task<Guid> CompetitionAsync(IServiceProvider services)
    {
        var secretariat = await PrincipalAsync(services, "secretariat@noress.demo");
        await using var scope = services.CreateAsyncScope();
        var calls = scope.ServiceProvider.GetRequiredService<CallService>();
        var now = DateTime.UtcNow;
        var id = Ok(await calls.CreateAsync(secretariat, new CallInput
        {
            Kind = CallKind.Competition,
            Edition = 90 + Random.Shared.Next(1, 900),
            TitleFr = "Concours des initiatives innovantes (parcours)",
            TitleAr = "مسابقة المبادرات المبتكرة (مسار)",
            PublicationAt = now.AddDays(-1),
            OpensAt = now.AddDays(-1),
            DeadlineAt = now.AddDays(10),
            EvaluationEndsAt = now.AddDays(20),
            ResultsAt = now.AddDays(30),
            Prizes = [50_000m, 30_000m, 20_000m],
            IsBlind = true,
            OpenToOutsideInitiatives = true,
        }, default));
        Ok(await calls.SaveEligibilityAsync(secretariat, id, new EligibilityInput { MaxApplicationsPerApplicant = 1 }, default));
        Ok(await calls.SaveFormAsync(secretariat, id, [
            new FormFieldInput { Kind = FormFieldKind.Text, LabelFr = "Présentation de l’initiative", LabelAr = "تقديم المبادرة", Required = true, MaxLength = 1000 },
            new FormFieldInput { Kind = FormFieldKind.LongText, LabelFr = "Histoire de l’initiative", LabelAr = "قصة المبادرة", Required = true, MaxLength = 2000 },
        ], default));
        Ok(await calls.SaveGridAsync(secretariat, id, [new CriterionInput { LabelFr = "Innovation", LabelAr = "الابتكار", Weight = 1m, ScaleMin = 0, ScaleMax = 10 }], default));
        Ok(await calls.PublishAsync(secretariat, id, default));
        var jury = scope.ServiceProvider.GetRequiredService<JuryService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        Ok(await jury.AddJurorAsync(secretariat, id, (await users.FindByEmailAsync("rep1@noress.demo"))!.Id, isChair: true, default));
        Ok(await jury.AddJurorAsync(secretariat, id, (await users.FindByEmailAsync("rep2@noress.demo"))!.Id, isChair: false, default));
        return id;
    }

    private static async Task ScoreAsync(IServiceProvider services, ClaimsPrincipal secretariat, ClaimsPrincipal juror, Guid call, Guid application)
    {
        var jurorId = Guid.Parse(juror.FindFirstValue(ClaimTypes.NameIdentifier)!);
        await using var scope = services.CreateAsyncScope();
        var jury = scope.ServiceProvider.GetRequiredService<JuryService>();
        Ok(await jury.AssignAsync(secretariat, application, jurorId, default));
        Ok(await jury.DeclareAsync(juror, application, conflicted: false, null, default));
        Guid criterion;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync())
        {
            criterion = await db.Set<EvaluationCriterion>().Where(c => c.CallId == call).Select(c => c.Id).SingleAsync();
        }

        Ok(await scope.ServiceProvider.GetRequiredService<ScoreSheetService>().SaveAsync(juror, application, Guid.Empty, [new CriterionScore(criterion, 8m, null)], null, submit: true, default));
    }

    private static async Task MoveScheduleAsync(IServiceProvider services, Guid call, System.Linq.Expressions.Expression<Func<Call, DateTime>> instant, DateTime to)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        await db.Set<Call>().Where(c => c.Id == call).ExecuteUpdateAsync(s => s.SetProperty(instant, to));
    }

    private static async Task WorkflowAsync(IServiceProvider services, Func<ApplicationWorkflowService, Task<Outcome<Guid>>> step)
    {
        await using var scope = services.CreateAsyncScope();
        Ok(await step(scope.ServiceProvider.GetRequiredService<ApplicationWorkflowService>()));
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string address)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>().FindByEmailAsync(address) ?? throw new InvalidOperationException(address);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(user);
    }

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value!;
    }

    [GeneratedRegex(@"https?://\S+/Account/ConfirmInitiative\?token=\S+")]
    private static partial Regex ConfirmLink();
}
