using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Plans;
using Noress.App.Sessions;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Minutes;
using Noress.App.Shared.Layout;

namespace Noress.EndToEnd.Accessibility;

/// <summary>Who visits a page: nobody signed in, or one of the demo roles.</summary>
public enum Visitor
{
    Anonymous,
    Member,
    Secretariat,
    Administrator,
}

/// <summary>One route template of the app, the address that fills it, and who may see it.</summary>
/// <param name="Template">The template of the <see cref="RouteAttribute"/>, e.g. <c>/members/{Key}</c>.</param>
/// <param name="Path">The address visited: the template with its parameters filled from the demo data.</param>
/// <param name="Visitors">Who visits it: every demo role its policy admits (or nobody signed in for an open page).</param>
public sealed record AppPage(string Template, string Path, IReadOnlyList<Visitor> Visitors);

/// <summary>
/// Every page of the app, read from its route table (the <see cref="RouteAttribute"/>s of Noress.App), so a page added
/// later is visited without anyone listing it. Route parameters are filled from the demo data; a template with a
/// parameter this class cannot fill fails <see cref="Discover"/> until a sample is added here.
/// </summary>
public static partial class AppPages
{
    public const string MemberEmail = "member@noress.demo";
    public const string SecretariatEmail = "secretariat@noress.demo";
    public const string AdministratorEmail = "admin@noress.demo";

    // The demo institution of the member, which has titular and alternate representatives.
    private const string SampleInstitution = "ADS";

    public static string EmailOf(Visitor visitor) => visitor switch
    {
        Visitor.Member => MemberEmail,
        Visitor.Secretariat => SecretariatEmail,
        Visitor.Administrator => AdministratorEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(visitor), visitor, "Nobody signs in as an anonymous visitor."),
    };

    /// <summary>Every routable component's templates, as declared (no server needed).</summary>
    public static IReadOnlyList<(string Template, Type Component)> Templates() =>
        typeof(MainLayout).Assembly.GetTypes()
            .Where(type => typeof(IComponent).IsAssignableFrom(type))
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => (route.Template, type)))
            .OrderBy(route => route.Template, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every page with its address filled from the demo data of <paramref name="services"/>.</summary>
    public static async Task<IReadOnlyList<AppPage>> DiscoverAsync(IServiceProvider services)
    {
        var samples = await SamplesAsync(services);
        return Discover(samples);
    }

    /// <summary>Every page, with route parameters filled from <paramref name="samples"/> (template to address).</summary>
    public static IReadOnlyList<AppPage> Discover(IReadOnlyDictionary<string, string> samples)
    {
        var pages = new List<AppPage>();
        var unfilled = new List<string>();
        foreach (var (template, component) in Templates())
        {
            string path;
            if (!RouteParameter().IsMatch(template))
            {
                path = template;
            }
            else if (samples.TryGetValue(template, out var sample))
            {
                path = sample;
            }
            else
            {
                unfilled.Add(template);
                continue;
            }

            pages.Add(new AppPage(template, path.TrimStart('/'), VisitorsOf(component)));
        }

        if (unfilled.Count > 0)
        {
            throw new InvalidOperationException(
                "No demo address for these routes; add one to AppPages.SamplesAsync so they are checked too: " + string.Join(", ", unfilled));
        }

        return pages;
    }

    /// <summary>
    /// The demo roles a page's authorization admits. An open account page (sign-in, password reset...) is for visitors
    /// who are not signed in; another open page (error, not found) is visited signed out and as a member.
    /// </summary>
    private static IReadOnlyList<Visitor> VisitorsOf(Type component)
    {
        var authorize = component.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        if (authorize.Count == 0 || component.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            return component.GetCustomAttribute<LayoutAttribute>()?.LayoutType == typeof(AccountLayout)
                ? [Visitor.Anonymous]
                : [Visitor.Anonymous, Visitor.Member];
        }

        var policies = authorize.Select(a => a.Policy).Where(p => p is not null).ToList();
        if (policies.Contains(Policies.OutsideApplicant))
        {
            // An outside initiative's area: no demo account holds that role; OutsideInitiativeJourneyTests visits it (ADR 0038).
            return [];
        }

        if (policies.Contains(Policies.Administrator))
        {
            return [Visitor.Administrator];
        }

        return policies.Contains(Policies.Secretariat)
            ? [Visitor.Secretariat, Visitor.Administrator]
            : [Visitor.Member, Visitor.Secretariat, Visitor.Administrator];
    }

    private static async Task<IReadOnlyDictionary<string, string>> SamplesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        // The demo's internal rules: a platform document every member may read and amend by suggestion.
        var document = await db.Documents.Where(d => d.SpaceKind == DocumentSpaceKind.Platform && d.Title.StartsWith("Règlement intérieur"))
            .Select(d => d.Id).SingleAsync();
        var member = await db.Users.Where(u => u.Email == MemberEmail).Select(u => u.Id).SingleAsync();
        var session = await SampleSessionAsync(scope.ServiceProvider);
        var committee = await db.Committees.Where(c => c.Code == "financement").Select(c => c.Id).SingleAsync();
        var plan = await SamplePlanAsync(scope.ServiceProvider);
        // The demo's past plenary (DemoRecords): its first decision in the register, and its approved minutes (printed by Chromium at seeding).
        var decision = await db.Set<Decision>().OrderBy(d => d.Year).ThenBy(d => d.Sequence).Select(d => d.Id).FirstAsync();
        var approvedMinutes = await db.Set<SessionMinutes>().Where(m => m.State == MinutesState.Approved).Select(m => m.SessionId).SingleAsync();
        // The demo calls (DemoCalls): the AMI's open 2nd edition with the demo member's draft, and the competition open to outside initiatives.
        var ami = await db.Set<Noress.App.Calls.Call>().Where(c => c.Kind == Noress.App.Calls.CallKind.Ami && c.Edition == 2).Select(c => c.Id).SingleAsync();
        var competition = await db.Set<Noress.App.Calls.Call>().Where(c => c.Kind == Noress.App.Calls.CallKind.Competition).Select(c => c.Id).FirstAsync();
        var memberInstitution = await db.Users.Where(u => u.Email == MemberEmail).Select(u => u.InstitutionId).SingleAsync();
        var application = await db.Set<Noress.App.Calls.CallApplication>().Where(a => a.CallId == ami && a.InstitutionId == memberInstitution).Select(a => a.Id).FirstAsync();
        // The calls' review pages: the open AMI and its application already submitted by another institution.
        var call = ami;
        var callApplication = await db.Set<Noress.App.Calls.CallApplication>().Where(a => a.CallId == ami && a.State != Noress.App.Calls.ApplicationState.Draft).Select(a => a.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["/action-plans/{PlanId:guid}"] = $"/action-plans/{plan}",
            ["/sessions/{Id:guid}"] = $"/sessions/{session}",
            ["/sessions/{Id:guid}/console"] = $"/sessions/{session}/console",
            ["/sessions/{Id:guid}/live"] = $"/sessions/{session}/live",
            ["/sessions/{Id:guid}/projector"] = $"/sessions/{session}/projector",
            ["/sessions/{Id:guid}/minutes"] = $"/sessions/{approvedMinutes}/minutes",
            ["/decisions/{Id:guid}"] = $"/decisions/{decision}",
            ["/committees/{Id:guid}"] = $"/committees/{committee}",
            ["/documents/{Id:guid}"] = $"/documents/{document}?view=split",
            ["/documents/{Id:guid}/history"] = $"/documents/{document}/history",
            ["/documents/{Id:guid}/comments"] = $"/documents/{document}/comments",
            ["/members/{Key}"] = $"/members/{SampleInstitution}",
            ["/members/{Key}/edit"] = $"/members/{SampleInstitution}/edit",
            ["/members/people/{Id:guid}"] = $"/members/people/{member}",
            // A founding article that sets rule parameters (quorum), so the page shows them and its history.
            ["/rules/articles/{Number}"] = "/rules/articles/9",
            ["/action-plans/{PlanId:guid}/board"] = $"/action-plans/{plan}/board",
            ["/action-plans/{PlanId:guid}/timeline"] = $"/action-plans/{plan}/timeline",
            ["/action-plans/{PlanId:guid}/dashboard"] = $"/action-plans/{plan}/dashboard",
            ["/action-plans/{PlanId:guid}/import"] = $"/action-plans/{plan}/import",
            ["/calls/{CallId:guid}"] = $"/calls/{ami}",
            ["/calls/{CallId:guid}/edit"] = $"/calls/{ami}/edit",
            ["/applications/{ApplicationId:guid}"] = $"/applications/{application}",
            ["/public/calls/{CallId:guid}"] = $"/public/calls/{competition}",
            ["/calls/{CallId:guid}/screening"] = $"/calls/{call}/screening",
            ["/calls/{CallId:guid}/deliberation"] = $"/calls/{call}/deliberation",
            ["/calls/{CallId:guid}/review"] = $"/calls/{call}/review",
            ["/calls/review/{ApplicationId:guid}"] = $"/calls/review/{callApplication}",
            ["/calls/{CallId:guid}/outputs"] = $"/calls/{call}/outputs",
            ["/calls/{CallId:guid}/results"] = $"/calls/{call}/results",
            ["/public/calls/{CallId:guid}/results"] = $"/public/calls/{competition}/results",
            // An outside initiative's pages: no demo account holds its role, so they are not swept (OutsideInitiativeJourneyTests visits them).
            ["/applicant/calls/{CallId:guid}"] = $"/applicant/calls/{competition}",
            ["/applicant/applications/{ApplicationId:guid}"] = $"/applicant/applications/{application}",
            ["/calls/{CallId:guid}/jury"] = $"/calls/{call}/jury",
        };
    }

    /// <summary>The demo data holds no session yet: the secretariat convenes a plenary with one agenda item.</summary>
    private static async Task<Guid> SampleSessionAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<NoressUser>>();
        var secretariat = await users.FindByEmailAsync("secretariat@noress.demo") ?? throw new InvalidOperationException("No demo secretariat.");
        var caller = await services.GetRequiredService<IUserClaimsPrincipalFactory<NoressUser>>().CreateAsync(secretariat);
        var sessions = services.GetRequiredService<SessionService>();
        var startsAt = DateTime.UtcNow.Date.AddDays(30).AddHours(9);
        var created = await sessions.CreateAsync(caller, new SessionInput(SessionBody.Plenary, null, "Assemblée plénière – الجمع العام", "Tétouan", startsAt, startsAt.AddHours(3)), default);
        var item = await sessions.AddAgendaItemAsync(caller, created.Value, AgendaItemKind.Deliberation, "Adoption du plan d'action", 30, default);
        if (!created.Succeeded || !item.Succeeded)
        {
            throw new InvalidOperationException(created.Error ?? item.Error);
        }

        return created.Value;
    }

    /// <summary>The demo's strategic plan (DemoPlans: four axes, late actions, indicators), so every view has rows, bars and charts.</summary>
    private static async Task<Guid> SamplePlanAsync(IServiceProvider services) =>
        await services.GetRequiredService<PlanService>().FindAsync(PlanKind.Strategic, null, default)
            ?? throw new InvalidOperationException("The demo data has no strategic plan.");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
