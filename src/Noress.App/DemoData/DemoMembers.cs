using Microsoft.AspNetCore.Identity;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Shared.Time;

namespace Noress.App.DemoData;

/// <summary>
/// Demonstration member data: statuses, the memorandum and its signatures, two clearly marked demo
/// people and the representatives. Dates are relative to the seeding day so the picture stays current.
/// </summary>
internal static class DemoMembers
{
    public static readonly IReadOnlyList<DemoAccount> People =
    [
        new("rep1@noress.demo", "Salma Idrissi (démo)", "سلمى الإدريسي (تجريبي)", Roles.Member, "ADS"),
        new("rep2@noress.demo", "Karim Ouazzani (démo)", "كريم الوزاني (تجريبي)", Roles.Member, "ODCO"),
    ];

    private static readonly string[] Suspended = ["CPM-MED", "TALASSEMTANE"];
    private static readonly string[] Withdrawn = ["COOP-FNIDEQ"];

    /// <summary>Adds statuses, history and the memorandum register to freshly seeded institutions (not saved).</summary>
    public static void AddRegister(NoressDbContext db, IReadOnlyList<Institution> institutions, DateTime now)
    {
        var today = DateOnly.FromDateTime(NoressClock.ToLocal(now));
        var founding = new DateOnly(2015, 3, 18);
        db.Add(new MouVersion
        {
            Number = 1,
            Title = "Mémorandum d'entente du réseau NORESS (démonstration)",
            Markdown = MouText,
            AdoptedOn = founding,
            CreatedAt = now,
        });

        for (var index = 0; index < institutions.Count; index++)
        {
            var institution = institutions[index];
            institution.Email = $"contact@{institution.Acronym.ToLowerInvariant()}.noress.demo";
            db.Add(new InstitutionStatusChange { InstitutionId = institution.Id, Status = MembershipStatus.Active, EffectiveOn = founding, Reason = "Démonstration", ChangedAt = now });
            if (Suspended.Contains(institution.Acronym))
            {
                institution.Status = MembershipStatus.Suspended;
                institution.SuspendedOn = today.AddMonths(-2);
                institution.SuspensionReason = "Cotisation annuelle impayée (démonstration)";
                db.Add(new InstitutionStatusChange { InstitutionId = institution.Id, Status = MembershipStatus.Suspended, EffectiveOn = today.AddMonths(-2), Reason = institution.SuspensionReason, ChangedAt = now });
            }
            else if (Withdrawn.Contains(institution.Acronym))
            {
                institution.Status = MembershipStatus.Withdrawn;
                institution.WithdrawnOn = today.AddMonths(-5);
                db.Add(new InstitutionStatusChange { InstitutionId = institution.Id, Status = MembershipStatus.Withdrawn, EffectiveOn = today.AddMonths(-5), Reason = "Retrait volontaire (démonstration)", ChangedAt = now });
            }

            if (Signature(institution.Id, index, institutions.Count, founding, today, now) is { } signature)
            {
                db.Add(signature);
            }
        }
    }

    /// <summary>Titular mandates for the demo accounts and alternates for the demo people (not saved).</summary>
    public static void AddRepresentatives(NoressDbContext db, IEnumerable<NoressUser> users, DateTime now)
    {
        var start = DateOnly.FromDateTime(NoressClock.ToLocal(now)).AddYears(-1);
        foreach (var user in users)
        {
            var role = People.Any(p => p.Email == user.Email) ? RepresentativeRole.Alternate : RepresentativeRole.Titular;
            db.Add(new RepresentativeMandate { InstitutionId = user.InstitutionId!.Value, UserId = user.Id, Role = role, StartsOn = start, CreatedAt = now });
        }
    }

    private static MouSignature? Signature(Guid institutionId, int index, int count, DateOnly founding, DateOnly today, DateTime now)
    {
        if (index >= count - 2)
        {
            return null;
        }

        var signature = new MouSignature { InstitutionId = institutionId, InvitedOn = founding.AddDays(-30), UpdatedAt = now };
        if (index % 11 == 3)
        {
            signature.Status = MouStatus.Invited;
            signature.InvitedOn = today.AddDays(-20);
            return signature;
        }

        signature.SignedOn = founding.AddDays(index);
        signature.SignatoryName = "Direction de l'institution (démonstration)";
        if (index % 7 == 6)
        {
            signature.Status = MouStatus.Signed;
            signature.ExpiresOn = today.AddYears(2);
            return signature;
        }

        signature.CountersignedOn = founding.AddDays(index + 14);
        if (index % 13 == 5)
        {
            signature.Status = MouStatus.Expired;
            signature.ExpiresOn = today.AddMonths(-3);
        }
        else if (index % 5 == 4)
        {
            signature.Status = MouStatus.Renewed;
            signature.RenewedOn = today.AddMonths(-6);
            signature.ExpiresOn = today.AddYears(3);
        }
        else
        {
            signature.Status = MouStatus.Countersigned;
            // A few come up for renewal within weeks, so the calendar has something to show.
            signature.ExpiresOn = index % 4 == 1 ? today.AddDays(20 + index) : today.AddYears(1).AddDays(index * 7);
        }

        return signature;
    }

    public static async Task<NoressUser> CreatePersonAsync(UserManager<NoressUser> users, DemoAccount account, Guid institutionId, string password, DateTime now)
    {
        var user = new NoressUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            FullName = account.FullName,
            FullNameAr = account.FullNameAr,
            JobTitle = "Chargé·e de mission (démonstration)",
            InstitutionId = institutionId,
            PreferredCulture = "fr",
            IsDemo = true,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, [Roles.Member]);
        }

        return created.Succeeded ? user : throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    private const string MouText = """
        # Mémorandum d'entente (texte de démonstration)

        Les institutions signataires conviennent de coopérer au sein du réseau régional de l'économie sociale et solidaire.

        ## Article 1 — Objet

        Le présent mémorandum fixe les modalités de coopération entre les membres du réseau.

        ## Article 2 — Engagements

        - participer aux sessions plénières et aux comités thématiques ;
        - désigner un représentant titulaire et un suppléant ;
        - contribuer au plan d'action commun.

        ## Article 3 — Durée

        Le mémorandum est conclu pour une durée renouvelable ; son échéance figure au registre.
        """;
}
