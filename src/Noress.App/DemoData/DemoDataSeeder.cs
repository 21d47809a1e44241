using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Noress.App.Accounts;
using Noress.App.Calls;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Plans;
using Noress.App.Shared.Time;

namespace Noress.App.DemoData;

/// <summary>
/// Seeds demonstration data on the first start of a Development or embedded database: the 35
/// institutions, the 3 thematic committees and one account per role. Never runs in Production.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<NoressDbContext> dbFactory,
    UserManager<NoressUser> users,
    DocumentService documents,
    DocumentSharingService sharing,
    PlanService plans,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<DemoDataSeeder> logger)
{
    public const string Password = "Noress-demo-2026";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@noress.demo", "Samir El Amrani", "سمير العمراني", Roles.Administrator, "CRTTA"),
        new("secretariat@noress.demo", "Nadia Benali", "نادية بنعلي", Roles.Secretariat, "ODCO"),
        new("member@noress.demo", "Youssef Tahiri", "يوسف الطاهري", Roles.Member, "ADS"),
    ];

    /// <param name="records">Also seed the demo action plans and replay a past plenary with its decisions, election and approved minutes (<see cref="DemoPlans"/>, <see cref="DemoRecords"/>); integration hosts skip them.</param>
    /// <param name="cancellationToken">Cancels the seeding.</param>
    public async Task SeedAsync(bool records = true, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Institutions.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var memberSince = new DateTime(2015, 3, 18, 9, 0, 0, DateTimeKind.Utc);
        var institutions = DemoInstitutions.All.Select(i => new Institution
        {
            Acronym = i.Acronym,
            NameFr = i.NameFr,
            NameAr = i.NameAr,
            Category = i.Category,
            City = i.City,
            MemberSince = memberSince,
            IsDemo = true,
            CreatedAt = now,
        }).ToList();
        db.Institutions.AddRange(institutions);
        DemoMembers.AddRegister(db, institutions, now);
        Committee[] committees =
        [
            new Committee { Code = "financement", NameFr = "Comité Financement et accès aux marchés", NameAr = "لجنة التمويل والولوج إلى الأسواق", NameEn = "Financing and market access committee", IsDemo = true, CreatedAt = now },
            new Committee { Code = "formation", NameFr = "Comité Formation et accompagnement", NameAr = "لجنة التكوين والمواكبة", NameEn = "Training and support committee", IsDemo = true, CreatedAt = now },
            new Committee { Code = "observation", NameFr = "Comité Observation, communication et plaidoyer", NameAr = "لجنة الرصد والتواصل والترافع", NameEn = "Observation, communication and advocacy committee", IsDemo = true, CreatedAt = now },
        ];
        db.Committees.AddRange(committees);
        await db.SaveChangesAsync(cancellationToken);

        var seeded = new List<NoressUser>();
        foreach (var account in Accounts)
        {
            var user = new NoressUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                FullName = account.FullName,
                FullNameAr = account.FullNameAr,
                InstitutionId = institutions.Single(i => i.Acronym == account.InstitutionAcronym).Id,
                PreferredCulture = "fr",
                IsDemo = true,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRolesAsync(user, account.Role == Roles.Member ? [Roles.Member] : [account.Role, Roles.Member]));
            seeded.Add(user);
        }

        foreach (var person in DemoMembers.People)
        {
            seeded.Add(await DemoMembers.CreatePersonAsync(users, person, institutions.Single(i => i.Acronym == person.InstitutionAcronym).Id, Password, now));
        }

        DemoMembers.AddRepresentatives(db, seeded, now);
        await db.SaveChangesAsync(cancellationToken);

        var secretariatId = seeded.Single(u => u.Email == "secretariat@noress.demo").Id;
        var rulesDocument = await DemoDocuments.SeedAsync(documents, sharing, secretariatId, committees, cancellationToken);
        DemoSessions.Add(db, institutions, committees, seeded, secretariatId, rulesDocument, clock);
        await db.SaveChangesAsync(cancellationToken);
        if (records)
        {
            await DemoPlans.SeedAsync(plans, DemoDocuments.Secretariat(secretariatId), institutions, committees, seeded, NoressClock.Today(clock), cancellationToken);
            await DemoCalls.SeedAsync(services.GetRequiredService<CallService>(), services.GetRequiredService<ApplicationService>(), DemoDocuments.Secretariat(secretariatId), seeded, clock, cancellationToken);
            await ActivatorUtilities.CreateInstance<DemoRecords>(services).SeedAsync(secretariatId, cancellationToken);
        }

        logger.LogInformation("Seeded {Institutions} demo institutions, 3 committees, {Accounts} demo accounts, demo documents, sessions and action plans", institutions.Count, Accounts.Count);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record DemoAccount(string Email, string FullName, string FullNameAr, string Role, string InstitutionAcronym);
