using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Accounts;
using Noress.App.Accounts.Outside;
using Noress.App.Calls;
using Noress.App.Calls.Outputs;
using Noress.App.Calls.Screening;
using Noress.App.Data;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;
using Noress.Testing;

namespace Noress.IntegrationTests.Calls.Outside;

/// <summary>One app per database provider, on a clock the tests move (the screening starts after the deadline).</summary>
public sealed class OutsideApplyingHost : IAsyncLifetime
{
    private NoressAppFactory? factory;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public NoressAppFactory Factory(DatabaseProvider provider) =>
        factory ??= new NoressAppFactory(provider).WithServices(s => s.AddSingleton<TimeProvider>(Clock));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}

/// <summary>The steps the outside applying tests share: the demo competition, principals, services in a scope.</summary>
public abstract class OutsideApplyingSteps(DatabaseProvider provider, OutsideApplyingHost host)
{
    protected NoressAppFactory Factory { get; } = host.Factory(provider);

    protected FakeTimeProvider Clock { get; } = host.Clock;

    protected string Email { get; } = $"entry-{Guid.NewGuid():N}@tifawin.example";

    protected sealed record Competition(Guid Id, DateTime DeadlineAt, DateTime ResultsAt, IReadOnlyList<CallFormField> Fields);

    private static int editions = 100;

    /// <summary>
    /// A published competition open now (integration hosts seed no demo calls): it asks for a member in good standing,
    /// which an outside initiative in a call open to it is not asked to be, and one entry per applicant.
    /// </summary>
    protected async Task<Competition> CompetitionAsync(bool openToOutsideInitiatives = true)
    {
        var secretariat = await PrincipalAsync("secretariat@noress.demo");
        var now = Clock.GetUtcNow().UtcDateTime;
        var edition = Interlocked.Increment(ref editions);
        Guid id;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var calls = scope.ServiceProvider.GetRequiredService<CallService>();
            id = Ok(await calls.CreateAsync(secretariat, new CallInput
            {
                Kind = CallKind.Competition,
                Edition = edition,
                TitleFr = "Concours régional des initiatives ESS innovantes",
                TitleAr = "المسابقة الجهوية للمبادرات المبتكرة",
                TitleEn = "Regional competition of innovative SSE initiatives",
                PublicationAt = now.AddDays(-1),
                OpensAt = now.AddDays(-1),
                DeadlineAt = now.AddDays(10),
                EvaluationEndsAt = now.AddDays(20),
                ResultsAt = now.AddDays(30),
                Prizes = [50_000m, 30_000m, 20_000m],
                IsBlind = true,
                OpenToOutsideInitiatives = openToOutsideInitiatives,
            }, default));
            Ok(await calls.SaveEligibilityAsync(secretariat, id, new EligibilityInput { RequireMemberInGoodStanding = true, MaxApplicationsPerApplicant = 1 }, default));
            Ok(await calls.SaveFormAsync(secretariat, id, [
                new FormFieldInput { Kind = FormFieldKind.Text, LabelFr = "Présentation de l’initiative", LabelAr = "تقديم المبادرة", Required = true, MaxLength = 1000 },
                new FormFieldInput { Kind = FormFieldKind.LongText, LabelFr = "En quoi est-elle innovante ?", LabelAr = "ما الجديد فيها؟", MaxLength = 8000 },
                new FormFieldInput { Kind = FormFieldKind.Files, LabelFr = "Pièces", LabelAr = "الوثائق", MaxItems = 5 },
            ], default));
            Ok(await calls.SaveGridAsync(secretariat, id, [new CriterionInput { LabelFr = "Innovation", LabelAr = "الابتكار", Weight = 1m, ScaleMin = 0, ScaleMax = 10 }], default));
            Ok(await calls.PublishAsync(secretariat, id, default));
        }

        await using var db = await DbAsync();
        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == id);
        var fields = await db.Set<CallFormField>().AsNoTracking().Where(f => f.CallId == id).OrderBy(f => f.Position).ToListAsync();
        return new Competition(call.Id, call.DeadlineAt, call.ResultsAt, fields);
    }

    protected static ApplicationDraft Draft(Competition call, string presentation) => new()
    {
        Title = "Initiative",
        Answers = { [call.Fields.Single(f => f.Kind == FormFieldKind.Text).Id] = new AnswerInput { Text = presentation } },
    };

    protected async Task<Outcome<SubmissionReceipt>> FillAndSubmitAsync(ClaimsPrincipal who, Guid id, Competition call)
    {
        var draft = Draft(call, "Une initiative portée par ses membres.");
        draft.Title = (await ApplicationAsync(id)).Title;
        var version = Ok(await WithApplicationsAsync(async s => await s.SaveAsync(who, id, draft, (await ApplicationAsync(id)).Version, default)));
        return await WithApplicationsAsync(s => s.SubmitAsync(who, id, version, default));
    }

    protected async Task<ClaimsPrincipal> PrincipalAsync(string address)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>().FindByEmailAsync(address) ?? throw new InvalidOperationException(address);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(user);
    }

    protected async Task<T> WithApplicationsAsync<T>(Func<ApplicationService, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ApplicationService>());
    }

    protected async Task<T> WithWorkflowAsync<T>(Func<ApplicationWorkflowService, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ApplicationWorkflowService>());
    }

    protected async Task<CallApplication> ApplicationAsync(Guid id)
    {
        await using var db = await DbAsync();
        return await db.Set<CallApplication>().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    protected Task<NoressDbContext> DbAsync() => Factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();

    protected static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value!;
    }
}

/// <summary>
/// An outside initiative applies to the demo competition (open to outside initiatives) from its own area, through the
/// real pages, services and outbox; the wall keeps every other account, outside or not, away from its application.
/// </summary>
public abstract class OutsideApplyingTests(DatabaseProvider provider, OutsideApplyingHost host) : OutsideApplyingSteps(provider, host)
{
    [Fact]
    public async Task PublicCallPage_RegistrationAndConfirmation_LeadToTheEntryInThatCall_ThenSubmitWithdrawResubmit()
    {
        var call = await CompetitionAsync();
        var page = await Factory.CreateAnonymousClient().GetStringAsync($"/public/calls/{call.Id}");
        Assert.Contains($"Account/RegisterInitiative?call={call.Id:N}", page, StringComparison.Ordinal);

        // The registration page keeps the call in its form, and the confirmation link carries it to the sign-in.
        var anonymous = Factory.CreateAnonymousClient();
        var registration = await anonymous.GetStringAsync($"/Account/RegisterInitiative?call={call.Id:N}");
        Assert.Contains($"name=\"Input.CallId\" value=\"{call.Id}\"", registration, StringComparison.Ordinal);
        var form = OutsideInitiatives.Form(Email);
        form["Input.CallId"] = call.Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.SubmitFormAsync($"/Account/RegisterInitiative?call={call.Id:N}", "register-initiative", form)).StatusCode);
        var link = await Factory.ConfirmationLinkAsync(Email);
        Assert.Contains($"call={call.Id:N}", link, StringComparison.Ordinal);
        var confirmed = await Factory.CreateAnonymousClient().GetStringAsync(link);
        Assert.Contains($"Account/Login?ReturnUrl=%2Fapplicant%2Fcalls%2F{call.Id}", confirmed, StringComparison.Ordinal);

        using var client = await Factory.CreateSignedInClientAsync(Email, OutsideInitiatives.Password);
        Assert.Contains($"applicant/calls/{call.Id}", await client.GetStringAsync("/applicant"), StringComparison.Ordinal);
        var started = await client.SubmitFormAsync($"/applicant/calls/{call.Id}", "applicant-start", new Dictionary<string, string> { ["Input.Title"] = "Moulin solidaire d'Aït Bouguemez" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        Assert.Contains("applicant/applications/", location, StringComparison.Ordinal);
        var id = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);

        var application = await client.GetStringAsync($"/applicant/applications/{id}");
        Assert.Contains("data-testid=\"application-title\"", application, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"calls\"", application, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"applicant-call-existing\"", await client.GetStringAsync($"/applicant/calls/{call.Id}"), StringComparison.Ordinal);

        // Filled, submitted (the member-in-good-standing rule is not asked of it), receipt mailed with its PDF's link.
        var me = await PrincipalAsync(Email);
        var receipt = Ok(await FillAndSubmitAsync(me, id, call));
        Assert.Equal(ApplicationState.Submitted, (await ApplicationAsync(id)).State);
        await Factory.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();
        var mail = Assert.Single(Factory.MessagesTo(Email), m => (m.TextBody ?? string.Empty).Contains(receipt.Hash, StringComparison.Ordinal));
        Assert.Contains($"/applications/{id}/receipt", mail.TextBody, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.NotFound, (await client.GetAsync($"/applications/{id}/receipt")).StatusCode);
        Assert.Contains("data-testid=\"applicant-applications\"", await client.GetStringAsync("/applicant"), StringComparison.Ordinal);

        // Withdrawn and submitted again before the deadline.
        Ok(await WithApplicationsAsync(s => s.WithdrawAsync(me, id, null, default)));
        Assert.Equal(ApplicationState.Withdrawn, (await ApplicationAsync(id)).State);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Ok(await WithApplicationsAsync(async s => await s.SubmitAsync(me, id, (await ApplicationAsync(id)).Version, default)));
        Assert.Equal(ApplicationState.Submitted, (await ApplicationAsync(id)).State);
    }

    [Fact]
    public async Task AnotherOutsideAccount_GetsNothingOfMyApplication_AndNoMemberPage()
    {
        var call = await CompetitionAsync();
        using var mine = await Factory.SignedInOutsideInitiativeAsync(Email);
        var me = await PrincipalAsync(Email);
        var id = Ok(await WithApplicationsAsync(s => s.StartAsync(me, call.Id, "Coopérative des femmes de Tafraout", default)));
        var fileField = call.Fields.Single(f => f.Kind == FormFieldKind.Files).Id;
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var fileId = Ok(await WithApplicationsAsync(s => s.AddFileAsync(me, id, fileField, "statuts.png", png.Length, _ => new MemoryStream(png), default)));
        var longField = call.Fields.Single(f => f.Kind == FormFieldKind.LongText).Id;
        Ok(await WithApplicationsAsync(s => s.SaveLongTextAsync(me, id, longField, "Un séchoir solaire partagé par la coopérative.", default)));
        Assert.Equal("Un séchoir solaire partagé par la coopérative.", (await WithApplicationsAsync(s => s.LongTextsAsync(me, id, default)))[longField]);
        Assert.Equal("Error.TooLong", (await WithApplicationsAsync(s => s.SaveLongTextAsync(me, id, longField, new string('a', 8001), default))).Refusal?.Code);
        Ok(await FillAndSubmitAsync(me, id, call));
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/applications/files/{fileId}")).StatusCode);

        var otherEmail = $"other-{Guid.NewGuid():N}@tifawin.example";
        using var other = await Factory.SignedInOutsideInitiativeAsync(otherEmail);
        var them = await PrincipalAsync(otherEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applicant/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applications/{id}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applications/files/{fileId}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync("/applicant"), StringComparison.Ordinal);
        Assert.Null(await WithApplicationsAsync(s => s.GetAsync(them, id, default)));
        Assert.False((await WithApplicationsAsync(s => s.WithdrawAsync(them, id, null, default))).Succeeded);
        Assert.Empty(await WithWorkflowAsync(s => s.HistoryAsync(them, id, default)));
        Assert.Empty(await WithApplicationsAsync(s => s.LongTextsAsync(them, id, default)));
        Assert.Equal("Error.NotFound", (await WithApplicationsAsync(s => s.SaveLongTextAsync(them, id, longField, "Écrasé", default))).Refusal?.Code);

        // The members' pages of the same application and call refuse an outside account, its own included.
        foreach (var path in new[] { $"/applications/{id}", $"/calls/{call.Id}", "/calls", $"/calls/{call.Id}/review" })
        {
            var response = await mine.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(OutsideAccounts.RefusedPath, response.Headers.Location!.OriginalString);
        }

        // A call not open to outside initiatives does not exist for it.
        var closed = (await CompetitionAsync(openToOutsideInitiatives: false)).Id;
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/applicant/calls/{closed}")).StatusCode);
        Assert.Equal("Error.NotAnApplicant", (await WithApplicationsAsync(s => s.StartAsync(me, closed, "Hors appel", default))).Refusal?.Code);
    }

    [Fact]
    public async Task SameEntry_SubmittedTwiceAtOnce_IsSubmittedOnce_WithOneReceipt()
    {
        var call = await CompetitionAsync();
        using var client = await Factory.SignedInOutsideInitiativeAsync(Email);
        var me = await PrincipalAsync(Email);
        var id = Ok(await WithApplicationsAsync(s => s.StartAsync(me, call.Id, "Épicerie solidaire de Larache", default)));
        var saved = (await ApplicationAsync(id)).Version;
        var version = Ok(await WithApplicationsAsync(s => s.SaveAsync(me, id, Draft(call, "Une épicerie tenue par ses membres."), saved, default)));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => WithApplicationsAsync(s => s.SubmitAsync(me, id, version, default)))));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Contains(outcomes, o => o.Refusal?.Code is "Error.Stale" or "Error.ClosedForChanges");
        await using var db = await DbAsync();
        Assert.Equal(1, await db.Set<ApplicationTransition>().CountAsync(t => t.ApplicationId == id && t.To == ApplicationState.Submitted));
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.IdempotencyKey.StartsWith($"call-receipt:{id:N}")));
    }
}

/// <summary>The secretariat asks for more information, the applicant answers; the prize shows once results are published (moves the clock: a host of its own).</summary>
public abstract class OutsideResultTests(DatabaseProvider provider, OutsideApplyingHost host) : OutsideApplyingSteps(provider, host)
{
    [Fact]
    public async Task InformationRequested_TheApplicantAnswers_BackToScreening_AndTheResultShowsOncePublished()
    {
        var call = await CompetitionAsync();
        using var client = await Factory.SignedInOutsideInitiativeAsync(Email);
        var me = await PrincipalAsync(Email);
        var id = Ok(await WithApplicationsAsync(s => s.StartAsync(me, call.Id, "Atelier de tissage de Taznakht", default)));
        Ok(await FillAndSubmitAsync(me, id, call));

        Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(call.DeadlineAt, DateTimeKind.Utc)).AddMinutes(1));
        var secretariat = await PrincipalAsync("secretariat@noress.demo");
        Ok(await WithWorkflowAsync(s => s.TransitionAsync(secretariat, id, ApplicationState.Screening, null, null, default)));
        Ok(await WithWorkflowAsync(s => s.TransitionAsync(secretariat, id, ApplicationState.InformationRequested, "Joignez le procès-verbal de l'assemblée constitutive.", null, default)));

        // Signed in again: the cookie does not outlive the days the clock moved.
        using var later = await Factory.CreateSignedInClientAsync(Email, OutsideInitiatives.Password);
        var page = await later.GetStringAsync($"/applicant/applications/{id}");
        Assert.Contains("data-testid=\"information-answer\"", page, StringComparison.Ordinal);
        Assert.Contains("procès-verbal", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        Assert.Equal("Error.AnswerRequired", (await WithWorkflowAsync(s => s.AnswerAsync(me, id, " ", default))).Refusal?.Code);
        Ok(await WithWorkflowAsync(s => s.AnswerAsync(me, id, "Le procès-verbal est joint aux pièces.", default)));
        Assert.Equal(ApplicationState.Screening, (await ApplicationAsync(id)).State);
        Assert.DoesNotContain("data-testid=\"information-answer\"", await later.GetStringAsync($"/applicant/applications/{id}"), StringComparison.Ordinal);

        // Awarded by the deliberation: read as "in deliberation" until the secretariat publishes the results, even once
        // the schedule's results date has come (ADR 0050), then as its prize.
        await using (var db = await DbAsync())
        {
            await db.Set<CallApplication>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, ApplicationState.Awarded).SetProperty(a => a.PrizeRank, 1));
        }

        var before = WebUtility.HtmlDecode(await later.GetStringAsync("/applicant"));
        Assert.Contains("En délibération", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Prix n° 1", before, StringComparison.Ordinal);

        Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(call.ResultsAt, DateTimeKind.Utc)).AddMinutes(1));
        using var dateCome = await Factory.CreateSignedInClientAsync(Email, OutsideInitiatives.Password);
        var atTheDate = WebUtility.HtmlDecode(await dateCome.GetStringAsync("/applicant"));
        Assert.Contains("En délibération", atTheDate, StringComparison.Ordinal);
        Assert.DoesNotContain("Prix n° 1", atTheDate, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"application-result\"", await dateCome.GetStringAsync($"/applicant/applications/{id}"), StringComparison.Ordinal);

        Ok(await WithResultsAsync(s => s.PublishAsync(secretariat, call.Id, default)));
        Assert.Contains("Prix n° 1", WebUtility.HtmlDecode(await dateCome.GetStringAsync("/applicant")), StringComparison.Ordinal);
        var publishedPage = await dateCome.GetStringAsync($"/applicant/applications/{id}");
        Assert.Contains("data-testid=\"application-result\"", publishedPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"decision-letter-link\"", publishedPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"dossier-link\"", publishedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionLetterAndDossier_TheOwningAccountOnly_TheLetterOncePublished()
    {
        var call = await CompetitionAsync();
        using var owner = await Factory.SignedInOutsideInitiativeAsync(Email);
        var otherEmail = $"other-{Guid.NewGuid():N}@tifawin.example";
        using var other = await Factory.SignedInOutsideInitiativeAsync(otherEmail);
        var me = await PrincipalAsync(Email);
        var id = Ok(await WithApplicationsAsync(s => s.StartAsync(me, call.Id, "Séchoir solaire partagé", default)));
        Ok(await FillAndSubmitAsync(me, id, call));
        await using (var db = await DbAsync())
        {
            await db.Set<CallApplication>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, ApplicationState.Awarded).SetProperty(a => a.PrizeRank, 1));
        }

        var letter = $"/applications/{id}/decision-letter";
        var dossier = $"/applications/{id}/dossier";
        using var anonymous = Factory.CreateAnonymousClient();

        // Before publication: its own dossier (the decision not in it), no letter; nothing for another account or anyone.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(letter)).StatusCode);
        var before = await PdfAsync(owner, dossier);
        Assert.Contains("Séchoir solaire partagé", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Primée", before, StringComparison.Ordinal);
        foreach (var path in new[] { letter, dossier })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        }

        var secretariat = await PrincipalAsync("secretariat@noress.demo");
        Ok(await WithResultsAsync(s => s.PublishAsync(secretariat, call.Id, default)));

        // Published: the owner downloads its letter; another account and anyone else still nothing.
        Assert.Contains("Séchoir solaire partagé", await PdfAsync(owner, letter), StringComparison.Ordinal);
        foreach (var path in new[] { letter, dossier })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        }
    }

    private async Task<T> WithResultsAsync<T>(Func<CallResultsService, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CallResultsService>());
    }

    private static async Task<string> PdfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return PdfText.Text(await response.Content.ReadAsByteArrayAsync());
    }
}

public sealed class OutsideApplyingOnSqliteTests(OutsideApplyingHost host) : OutsideApplyingTests(DatabaseProvider.Sqlite, host), IClassFixture<OutsideApplyingHost>;

public sealed class OutsideApplyingOnPostgreSqlTests(OutsideApplyingHost host) : OutsideApplyingTests(DatabaseProvider.PostgreSql, host), IClassFixture<OutsideApplyingHost>;

public sealed class OutsideResultOnSqliteTests(OutsideApplyingHost host) : OutsideResultTests(DatabaseProvider.Sqlite, host), IClassFixture<OutsideApplyingHost>;

public sealed class OutsideResultOnPostgreSqlTests(OutsideApplyingHost host) : OutsideResultTests(DatabaseProvider.PostgreSql, host), IClassFixture<OutsideApplyingHost>;
