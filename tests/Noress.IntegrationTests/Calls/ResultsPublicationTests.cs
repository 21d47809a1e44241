using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Calls;
using Noress.App.Calls.Outputs;
using Noress.App.Calls.Screening;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;
using Noress.Testing;

namespace Noress.IntegrationTests.Calls;

/// <summary>
/// The one publication rule (ADR 0050): a deliberation's decisions reach the applicants (pages, lists, letters,
/// notifications) only when the secretariat publishes the results, each once; the letter and the dossier go to the
/// application's representatives only.
/// </summary>
public sealed class ResultsPublicationTests
{
    private const string Password = "Publication-test-2026!";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Decisions_NotifiedAtPublicationOnly_OnceEach_EvenPublishedTwiceAtOnce(DatabaseProvider provider)
    {
        await using var calls = await CallsReviewTestHost.StartAsync(provider);
        await calls.SetStateAsync(ApplicationState.Deliberation, calls.AppA, calls.AppB, calls.AppC);
        var chair = calls.Conflicted;

        // The chair decides B and C (A, conflicted with the chair, is put in reserve directly).
        CallsReviewTestHost.Ok(await Workflow(calls, w => w.TransitionAsync(chair, calls.AppB, ApplicationState.Selected, null, null, default)));
        CallsReviewTestHost.Ok(await Workflow(calls, w => w.TransitionAsync(chair, calls.AppC, ApplicationState.Rejected, "Le budget ne tient pas la part propre annoncée.", null, default)));
        await calls.SetStateAsync(ApplicationState.Reserve, calls.AppA);

        // Before publication: no notification, the applicants read "in deliberation", no letter, no decision in the history.
        var before = await NoticesAsync(calls);
        var viewB = await View(calls, calls.ApplicantB, calls.AppB);
        var listB = await Mine(calls, calls.ApplicantB);
        var letterB = await Letter(calls, calls.ApplicantB, calls.AppB);
        var staffView = await View(calls, calls.Secretariat, calls.AppB);
        Assert.All(before.Values, count => Assert.Equal(0, count));
        Assert.NotNull(viewB);
        Assert.Equal(ApplicationState.Deliberation, viewB.Application.State);
        Assert.Null(viewB.Outcome);
        Assert.DoesNotContain(viewB.History, h => h.To == ApplicationState.Selected);
        Assert.Equal(ApplicationState.Deliberation, Assert.Single(listB).State);
        Assert.Null(letterB);
        Assert.Equal(ApplicationState.Selected, staffView!.Application.State);

        // Two publications at once: one publishes, the other finds it done; each decision is told once.
        var both = await Task.WhenAll(Publish(calls), Publish(calls));
        Assert.All(both, o => Assert.True(o.Succeeded, o.Error));
        var at = await NoticesAsync(calls);
        CallsReviewTestHost.Ok(await Publish(calls));
        var again = await NoticesAsync(calls);

        Assert.Equal(1, at[calls.AppA]);
        Assert.Equal(1, at[calls.AppB]);
        Assert.Equal(1, at[calls.AppC]);
        Assert.Equal(at, again);
        await using (var db = await calls.DbAsync())
        {
            var toC = await db.Set<Notification>().SingleAsync(n => n.UserId == Id(calls.ApplicantC) && n.Link == ApplicationWorkflowService.ApplicationLink(calls.AppC));
            Assert.Contains("part propre", toC.Body, StringComparison.Ordinal);
        }

        var afterB = await View(calls, calls.ApplicantB, calls.AppB);
        Assert.Equal(ApplicationState.Selected, afterB!.Application.State);
        Assert.Equal(ApplicationState.Selected, afterB.Outcome?.State);
        Assert.Contains(afterB.History, h => h.To == ApplicationState.Selected);
        Assert.Equal(ApplicationState.Selected, Assert.Single(await Mine(calls, calls.ApplicantB)).State);
        Assert.NotNull(await Letter(calls, calls.ApplicantB, calls.AppB));

        // After publication a decision is told when it is taken: A leaves the reserve, one more notice. (The chair is
        // conflicted with A through its partner D: the partnership is dropped so that the chair may decide it.)
        await using (var db = await calls.DbAsync())
        {
            db.Set<ApplicationPartner>().RemoveRange(db.Set<ApplicationPartner>().Where(p => p.ApplicationId == calls.AppA));
            await db.SaveChangesAsync();
        }

        CallsReviewTestHost.Ok(await Workflow(calls, w => w.TransitionAsync(chair, calls.AppA, ApplicationState.Rejected, "La liste d’attente est close.", null, default)));
        Assert.Equal(2, (await NoticesAsync(calls))[calls.AppA]);
    }

    [Fact]
    public async Task LetterAndDossier_Representatives_NotOtherMembersOrInstitutions_LetterOnlyOncePublished_AnonymousNothing()
    {
        await using var calls = await CallsReviewTestHost.StartAsync(DatabaseProvider.Sqlite);
        await calls.SetStateAsync(ApplicationState.Selected, calls.AppA);
        await calls.SetStateAsync(ApplicationState.Rejected, calls.AppB);
        await calls.SetStateAsync(ApplicationState.Reserve, calls.AppC);
        var colleagueEmail = $"colleague-{Guid.NewGuid():N}@sessions.test";
        await using (var scope = calls.Host.Factory.Services.CreateAsyncScope())
        {
            // A person of institution A who is not its representative.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
            var colleague = new NoressUser { UserName = colleagueEmail, Email = colleagueEmail, EmailConfirmed = true, FullName = "Collègue de A", InstitutionId = calls.InstitutionA, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(colleague, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(colleague, Roles.Member)).Succeeded);
        }

        using var representative = await SignInAsync(calls, calls.ApplicantA);
        using var otherInstitution = await SignInAsync(calls, calls.ApplicantB);
        using var colleagueClient = await calls.Host.Factory.CreateSignedInClientAsync(colleagueEmail, Password);
        using var anonymous = calls.Host.Factory.CreateAnonymousClient();
        var letter = $"/applications/{calls.AppA}/decision-letter";
        var dossier = $"/applications/{calls.AppA}/dossier";

        // Before publication: the representative's dossier without the decision, no letter for anyone but the secretariat.
        Assert.Equal(HttpStatusCode.NotFound, (await representative.GetAsync(letter)).StatusCode);
        var before = await Pdf(representative, dossier);
        Assert.Contains("Projet A", before, StringComparison.Ordinal);
        Assert.Contains("En délibération", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Retenue", before, StringComparison.Ordinal);
        await AssertNothingAsync(letter, dossier, otherInstitution, colleagueClient, anonymous);

        CallsReviewTestHost.Ok(await Publish(calls));

        Assert.Contains("Projet A", await Pdf(representative, letter), StringComparison.Ordinal);
        Assert.DoesNotContain("En délibération", await Pdf(representative, dossier), StringComparison.Ordinal);
        await AssertNothingAsync(letter, dossier, otherInstitution, colleagueClient, anonymous);
        var page = await representative.GetStringAsync($"/applications/{calls.AppA}");
        var colleaguePage = await colleagueClient.GetStringAsync($"/applications/{calls.AppA}");
        Assert.Contains("data-testid=\"decision-letter-link\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"dossier-link\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"application-title\"", colleaguePage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"dossier-link\"", colleaguePage, StringComparison.Ordinal);
    }

    private static async Task AssertNothingAsync(string letter, string dossier, params HttpClient[] clients)
    {
        foreach (var client in clients)
        {
            foreach (var path in new[] { letter, dossier })
            {
                using var response = await client.GetAsync(path);
                Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
                Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    /// <summary>Notifications per application, linked to its page.</summary>
    private static async Task<Dictionary<Guid, int>> NoticesAsync(CallsReviewTestHost calls)
    {
        await using var db = await calls.DbAsync();
        var counts = new Dictionary<Guid, int>();
        foreach (var (application, person) in new[] { (calls.AppA, calls.ApplicantA), (calls.AppB, calls.ApplicantB), (calls.AppC, calls.ApplicantC) })
        {
            var link = ApplicationWorkflowService.ApplicationLink(application);
            counts[application] = await db.Set<Notification>().CountAsync(n => n.UserId == Id(person) && n.Link == link);
        }

        return counts;
    }

    private static Task<Outcome<DateTime>> Publish(CallsReviewTestHost calls) =>
        calls.WithAsync<CallResultsService, Outcome<DateTime>>(s => s.PublishAsync(calls.Secretariat, calls.CallId, default));

    private static Task<Outcome<Guid>> Workflow(CallsReviewTestHost calls, Func<ApplicationWorkflowService, Task<Outcome<Guid>>> step) =>
        calls.WithAsync(step);

    private static Task<ApplicationView?> View(CallsReviewTestHost calls, ClaimsPrincipal user, Guid applicationId) =>
        calls.WithAsync<ApplicationService, ApplicationView?>(s => s.GetAsync(user, applicationId, default));

    private static async Task<IReadOnlyList<MyApplication>> Mine(CallsReviewTestHost calls, ClaimsPrincipal user) =>
        (await calls.WithAsync<CallService, CallDetails?>(s => s.GetAsync(user, calls.CallId, default)))?.MyApplications ?? [];

    private static Task<DecisionLetter?> Letter(CallsReviewTestHost calls, ClaimsPrincipal user, Guid applicationId) =>
        calls.WithAsync<DecisionLetterService, DecisionLetter?>(s => s.LetterAsync(user, applicationId, default));

    private static async Task<HttpClient> SignInAsync(CallsReviewTestHost calls, ClaimsPrincipal user)
    {
        await using (var scope = calls.Host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
            var person = await users.FindByIdAsync(Id(user).ToString()) ?? throw new InvalidOperationException("No such person.");
            if (!await users.HasPasswordAsync(person))
            {
                Assert.True((await users.AddPasswordAsync(person, Password)).Succeeded);
            }

            if (!await users.IsInRoleAsync(person, Roles.Member))
            {
                Assert.True((await users.AddToRoleAsync(person, Roles.Member)).Succeeded);
            }
        }

        return await calls.Host.Factory.CreateSignedInClientAsync(user.FindFirstValue(ClaimTypes.Name)!, Password);
    }

    private static async Task<string> Pdf(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return PdfText.Text(await response.Content.ReadAsByteArrayAsync());
    }

    private static Guid Id(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
