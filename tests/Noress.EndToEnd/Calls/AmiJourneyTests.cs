using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Noress.App.Accounts;
using Noress.App.Calls;
using Noress.App.Calls.Review;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Time;
using Noress.EndToEnd.Accessibility;
using Noress.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Noress.EndToEnd.Calls;

/// <summary>
/// Issue 12's AMI from end to end: an institution drafts and submits its application; once the deadline has passed the
/// secretariat screens it eligible and has the jury assigned; two jurors, each in their own browser, declare no conflict
/// and score it; the ranking appears on the deliberation screen; the chair selects it and the secretariat's deliberation
/// screen, open all along, shows the envelope's committed and available amounts change without a reload.
/// </summary>
[Collection(NoressServerCollection.Name)]
public sealed class AmiJourneyTests(NoressServer server)
{
    private static readonly ResourceManager Review = new(typeof(ReviewText).FullName!, typeof(ReviewText).Assembly);

    // The demo accounts' institutions and the ones the sessions journeys take (first by acronym): this journey takes the last ones.
    private static readonly string[] DemoAccountsInstitutions = ["ADS", "ODCO", "CRTTA"];

    [Fact]
    public async Task Ami_DraftedSubmittedScreenedScored_SelectedWhileTheEnvelopeUpdatesLive()
    {
        var setup = await PrepareAsync();

        // The institution drafts (autosaved) and its representative submits.
        await using (var applicant = await server.OpenSessionAsync())
        {
            await applicant.SignInAsync(setup.ApplicantEmail, returnPath: $"/calls/{setup.CallId}");
            await Input(applicant.Page.Locator("body"), "call-apply-name").FillAsync("Unité coopérative de séchage de figues");
            await applicant.Page.GetByTestId("call-apply-start").ClickAsync();
            await Expect(applicant.Page.GetByTestId("budget-add")).ToBeVisibleAsync();
            await applicant.WaitForInteractiveAsync();
            await applicant.Page.Locator("[data-testid=call-field][data-kind=Text] input").FillAsync("Sécher et vendre les figues de trois douars.");
            await applicant.Page.GetByTestId("budget-add").ClickAsync();
            var line = applicant.Page.GetByTestId("budget-line").First;
            await Input(line, "budget-label").FillAsync("Séchoir solaire");
            await Input(line, "budget-requested").FillAsync("50000");
            await Input(line, "budget-own").FillAsync("12500");
            await Input(line, "budget-own").PressAsync("Tab");
            await Expect(applicant.Page.GetByTestId("budget-share")).ToContainTextAsync("20");
            await Expect(applicant.Page.GetByTestId("application-submit")).ToBeEnabledAsync();
            await applicant.Page.GetByTestId("application-submit").ClickAsync();
            await Expect(applicant.Page.GetByTestId("application-receipt")).ToBeVisibleAsync();
            await applicant.AssertNoBrowserErrorsAsync();
        }

        var applicationId = await SubmittedApplicationAsync(setup.CallId);
        // The deadline passes. The server's clock is real here, so the call's deadline is moved into the past rather than waited for.
        await MoveDeadlineToThePastAsync(setup.CallId);

        // The secretariat screens it eligible, then assigns the jury automatically (two reviews per entry).
        await using var secretariat = await server.OpenSessionAsync();
        await secretariat.SignInAsync(AppPages.SecretariatEmail, returnPath: $"/calls/{setup.CallId}/screening");
        var row = secretariat.Page.Locator($"[data-testid=screening-row][data-application='{applicationId}']");
        await row.GetByTestId("step-Screening").ClickAsync();
        await Expect(row.GetByTestId("step-UnderEvaluation")).ToBeVisibleAsync();
        await row.GetByTestId("step-UnderEvaluation").ClickAsync();
        await Expect(row.GetByTestId("screening-state")).ToHaveTextAsync(Text("State.UnderEvaluation"));
        await secretariat.GoToInteractiveAsync($"/calls/{setup.CallId}/jury");
        await secretariat.Page.GetByTestId("jury-auto").ClickAsync();
        await Expect(secretariat.Page.GetByTestId("jury-done")).ToBeVisibleAsync();
        await Expect(secretariat.Page.GetByTestId("jury-load")).ToHaveTextAsync(["1", "1"]);

        // Two jurors, two browsers: each declares no conflict, then scores (16 and 12 out of 20).
        var jurors = new List<BrowserSession>();
        try
        {
            foreach (var (email, points) in new[] { (setup.ChairEmail, "16"), (setup.JurorEmail, "12") })
            {
                var juror = await server.OpenSessionAsync();
                jurors.Add(juror);
                await juror.SignInAsync(email, returnPath: $"/calls/{setup.CallId}/review");
                await juror.Page.GetByTestId("declare-none").ClickAsync();
                await juror.Page.GetByTestId("entry-open").ClickAsync();
                var score = Input(juror.Page.Locator("body"), "criterion-score");
                await Expect(score).ToBeEditableAsync();
                await juror.WaitForInteractiveAsync();
                await score.FillAsync(points);
                await score.PressAsync("Tab");
                await juror.Page.GetByTestId("sheet-submit").ClickAsync();
                await Expect(juror.Page.GetByTestId("sheet-saved")).ToBeVisibleAsync();
                await Expect(juror.Page.GetByTestId("sheet-submit")).ToHaveCountAsync(0);
            }

            // The secretariat opens the deliberation screen and keeps it open (marked: a reload would lose the mark).
            await secretariat.GoToInteractiveAsync($"/calls/{setup.CallId}/deliberation");
            await secretariat.Page.EvaluateAsync("() => window.noressDeliberationMark = 'same page'");
            var ranked = secretariat.Page.Locator($"[data-testid=ranking-row][data-application='{applicationId}']");
            await Expect(ranked.GetByTestId("ranking-rank")).ToHaveTextAsync("1");
            await Expect(ranked.GetByTestId("ranking-mean")).ToContainTextAsync("14");
            await Expect(secretariat.Page.GetByTestId("envelope-committed")).ToHaveTextAsync(Amount(0));
            await ranked.GetByTestId("decide-Deliberation").ClickAsync();
            await Expect(ranked.GetByTestId("ranking-state")).ToHaveTextAsync(Text("State.Deliberation"));

            // The chair selects it from their own deliberation screen.
            var chair = jurors[0];
            await chair.GoToInteractiveAsync($"/calls/{setup.CallId}/deliberation");
            var chairRow = chair.Page.Locator($"[data-testid=ranking-row][data-application='{applicationId}']");
            await Expect(chairRow.GetByTestId("ranking-rank")).ToHaveTextAsync("1");
            await chairRow.GetByTestId("decide-Selected").ClickAsync();
            await Expect(chairRow.GetByTestId("ranking-state")).ToHaveTextAsync(Text("State.Selected"));

            // The secretariat's screen follows without a reload: 50,000 MAD committed, 50,000 available.
            await Expect(secretariat.Page.GetByTestId("envelope-committed")).ToHaveTextAsync(Amount(50_000));
            await Expect(secretariat.Page.GetByTestId("envelope-available")).ToHaveTextAsync(Amount(50_000));
            await Expect(ranked.GetByTestId("ranking-state")).ToHaveTextAsync(Text("State.Selected"));
            Assert.Equal("same page", await secretariat.Page.EvaluateAsync<string>("() => window.noressDeliberationMark"));

            foreach (var juror in jurors)
            {
                await juror.AssertNoBrowserErrorsAsync();
            }

            await secretariat.AssertNoBrowserErrorsAsync();
        }
        finally
        {
            foreach (var juror in jurors)
            {
                await juror.DisposeAsync();
            }
        }

        // Selected, but not published: the applicant's page tells no decision yet, and offers its dossier, no letter.
        await using var applicantAfter = await server.OpenSessionAsync();
        await applicantAfter.SignInAsync(setup.ApplicantEmail, returnPath: $"/applications/{applicationId}");
        await Expect(applicantAfter.Page.GetByTestId("application-title")).ToBeVisibleAsync();
        await Expect(applicantAfter.Page.GetByTestId("application-state")).ToContainTextAsync(Text("State.Deliberation"));
        await Expect(applicantAfter.Page.GetByTestId("dossier-link")).ToBeVisibleAsync();
        await Expect(applicantAfter.Page.GetByTestId("application-result")).ToHaveCountAsync(0);
        await Expect(applicantAfter.Page.GetByTestId("decision-letter-link")).ToHaveCountAsync(0);

        // The secretariat types the selected projects' report dates in the call's pickers and saves.
        var interim = NoressClock.Today(TimeProvider.System).AddDays(120);
        var final = NoressClock.Today(TimeProvider.System).AddDays(300);
        await secretariat.GoToInteractiveAsync($"/calls/{setup.CallId}/edit");
        foreach (var (testId, day) in new[] { ("report-interim", interim), ("report-final", final) })
        {
            var picker = Input(secretariat.Page.Locator("body"), testId);
            await picker.FillAsync(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            await picker.PressAsync("Tab");
        }

        await secretariat.Page.GetByTestId("edit-save").ClickAsync();
        await Expect(secretariat.Page.GetByTestId("call-edit-message")).ToHaveClassAsync(new Regex("success"));
        await secretariat.GoToInteractiveAsync($"/calls/{setup.CallId}");
        await Expect(secretariat.Page.Locator("body")).ToContainTextAsync(LongDate(interim));
        await Expect(secretariat.Page.Locator("body")).ToContainTextAsync(LongDate(final));

        // It publishes the results from the outputs page, the way a person does (ADR 0050).
        await secretariat.GoToInteractiveAsync($"/calls/{setup.CallId}/outputs");
        await secretariat.Page.GetByTestId("results-publish").ClickAsync();
        await Expect(secretariat.Page.GetByTestId("results-published")).ToBeVisibleAsync();
        await secretariat.ScreenshotAsync("call-outputs-fr.png");

        // Now the applicant reads the decision and may download the letter.
        await applicantAfter.Page.ReloadAsync();
        await Expect(applicantAfter.Page.GetByTestId("application-result")).ToHaveTextAsync(Texts.Outside("Result.Selected", "fr"));
        await Expect(applicantAfter.Page.GetByTestId("decision-letter-link")).ToHaveAttributeAsync("href", $"applications/{applicationId}/decision-letter");
        await applicantAfter.ScreenshotAsync("application-result-fr.png");
        await applicantAfter.AssertNoBrowserErrorsAsync();
        await secretariat.AssertNoBrowserErrorsAsync();
    }

    /// <summary>A day as the call's schedule shows it in French.</summary>
    private static string LongDate(DateOnly day) => NoressFormat.LongDate(day, CultureInfo.GetCultureInfo(NoressCultures.French));

    /// <summary>The input of a MudBlazor field marked with a test id (the id lands on the input or on its wrapper).</summary>
    private static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static string Text(string key) =>
        Review.GetString(key, CultureInfo.GetCultureInfo(NoressCultures.French)) ?? throw new KeyNotFoundException(key);

    /// <summary>An amount as the screens show it in French (the browser's language here).</summary>
    private static Regex Amount(decimal dirhams)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(NoressCultures.French);
        try
        {
            return new Regex("^" + Regex.Escape(ReviewDisplay.Money(dirhams)) + "$");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private sealed record Setup(Guid CallId, string ApplicantEmail, string ChairEmail, string JurorEmail);

    /// <summary>
    /// A published AMI of its own (100,000 MAD for two projects, cap 60,000, 20 % own share; a summary and a budget
    /// table; one criterion out of 20), an applicant representative, and a jury of two (the first chairs), all in
    /// institutions no other journey uses.
    /// </summary>
    private async Task<Setup> PrepareAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<NoressUser>>();
        var secretariatUser = await users.FindByEmailAsync(AppPages.SecretariatEmail) ?? throw new InvalidOperationException("No demo secretariat.");
        var caller = await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(secretariatUser);
        await using var db = await services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var institutions = await db.Institutions.Where(i => !DemoAccountsInstitutions.Contains(i.Acronym)).OrderByDescending(i => i.Acronym).Take(3).ToListAsync();
        Assert.Equal(3, institutions.Count);
        var emails = new List<string>();
        var ids = new List<Guid>();
        foreach (var institution in institutions)
        {
            var email = $"ami.{Guid.NewGuid():N}@calls.e2e";
            var user = new NoressUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Personne {institution.Acronym}", InstitutionId = institution.Id, CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user, NoressServer.DemoPassword);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            emails.Add(email);
            ids.Add(user.Id);
        }

        // The applicant is its institution's titular representative (it submits); starts after the demo's mandates.
        db.Add(new RepresentativeMandate { InstitutionId = institutions[0].Id, UserId = ids[0], Role = RepresentativeRole.Titular, StartsOn = NoressClock.Today(TimeProvider.System).AddDays(-1), CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        var calls = services.GetRequiredService<CallService>();
        var now = DateTime.UtcNow;
        var edition = (await db.Set<Call>().Where(c => c.Kind == CallKind.Ami).MaxAsync(c => (int?)c.Edition) ?? 0) + 1;
        var callId = Ok(await calls.CreateAsync(caller, new CallInput
        {
            Kind = CallKind.Ami,
            Edition = edition,
            TitleFr = $"AMI de bout en bout {edition}",
            TitleAr = "طلب إبداء الاهتمام للتجربة",
            PublicationAt = now.AddDays(-1),
            OpensAt = now.AddHours(-1),
            DeadlineAt = now.AddDays(1),
            EvaluationEndsAt = now.AddDays(20),
            ResultsAt = now.AddDays(30),
            EnvelopeTotal = 100_000m,
            ProjectCount = 2,
        }, default));
        Ok(await calls.SaveEligibilityAsync(caller, callId, new EligibilityInput
        {
            RequireMemberInGoodStanding = false,
            MaxApplicationsPerApplicant = 1,
            MaxRequestedAmount = 60_000m,
            MinOwnContributionPercent = 20m,
        }, default));
        Ok(await calls.SaveFormAsync(caller, callId, [
            new FormFieldInput { Kind = FormFieldKind.Text, LabelFr = "Résumé", LabelAr = "ملخص", Required = true, MaxLength = 500 },
            new FormFieldInput { Kind = FormFieldKind.BudgetTable, LabelFr = "Budget", LabelAr = "الميزانية", Required = true, MaxItems = 10 },
        ], default));
        Ok(await calls.SaveGridAsync(caller, callId, [new CriterionInput { LabelFr = "Impact", LabelAr = "الأثر", Weight = 1m, ScaleMin = 0, ScaleMax = 20 }], default));
        Ok(await calls.PublishAsync(caller, callId, default));
        var jury = services.GetRequiredService<JuryService>();
        Ok(await jury.AddJurorAsync(caller, callId, ids[1], true, default));
        Ok(await jury.AddJurorAsync(caller, callId, ids[2], false, default));
        return new Setup(callId, emails[0], emails[1], emails[2]);
    }

    private async Task<Guid> SubmittedApplicationAsync(Guid callId)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await db.Set<CallApplication>().Where(a => a.CallId == callId && a.State == ApplicationState.Submitted).Select(a => a.Id).SingleAsync();
    }

    private async Task MoveDeadlineToThePastAsync(Guid callId)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var call = await db.Set<Call>().SingleAsync(c => c.Id == callId);
        call.DeadlineAt = DateTime.UtcNow.AddMinutes(-1);
        await db.SaveChangesAsync();
    }

    private static T Ok<T>(Noress.App.Shared.Operations.Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value!;
    }
}
