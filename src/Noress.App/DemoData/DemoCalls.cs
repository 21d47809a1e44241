using System.Security.Claims;
using Noress.App.Accounts;
using Noress.App.Calls;
using Noress.App.Shared.Time;

namespace Noress.App.DemoData;

/// <summary>
/// The demo calls, written through the calls services like the secretariat and applicants would: the AMI's past first
/// edition (2 × 40,000 MAD), its second edition open now (60,000 MAD per project) with a draft and a submitted
/// application, and the regional competition (three prizes) open to outside initiatives. Dates are relative to the
/// seeding instant, so the second edition is always open.
/// </summary>
internal static class DemoCalls
{
    public static async Task SeedAsync(CallService calls, ApplicationService applications, ClaimsPrincipal secretariat, IReadOnlyList<NoressUser> people, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today9 = NoressClock.ToUtc(NoressClock.Today(clock).ToDateTime(new TimeOnly(9, 0)));

        var first = Ok(await calls.CreateAsync(secretariat, Ami(1, "AMI co-financement de projets ESS – 1re édition (démonstration)", "طلب إبداء الاهتمام لتمويل مشاريع الاقتصاد الاجتماعي – الدورة الأولى (تجريبي)",
            "Co-financing call for SSE projects – 1st edition (demo)", today9.AddDays(-420), today9.AddDays(-360), 80_000m, 2), ct));
        await PrepareAsync(calls, secretariat, first, 40_000m, ct);

        var second = Ok(await calls.CreateAsync(secretariat, Ami(2, "AMI co-financement de projets ESS – 2e édition (démonstration)", "طلب إبداء الاهتمام لتمويل مشاريع الاقتصاد الاجتماعي – الدورة الثانية (تجريبي)",
            "Co-financing call for SSE projects – 2nd edition (demo)", today9.AddDays(-10), today9.AddDays(21).AddHours(9), 120_000m, 2), ct));
        await PrepareAsync(calls, secretariat, second, 60_000m, ct);

        var competition = Ok(await calls.CreateAsync(secretariat, new CallInput
        {
            Kind = CallKind.Competition,
            Edition = 1,
            TitleFr = "Concours régional des initiatives ESS innovantes (démonstration)",
            TitleAr = "المسابقة الجهوية للمبادرات المبتكرة في الاقتصاد الاجتماعي والتضامني (تجريبي)",
            TitleEn = "Regional competition of innovative SSE initiatives (demo)",
            PublicationAt = today9.AddDays(-5),
            OpensAt = today9.AddDays(-5),
            DeadlineAt = today9.AddDays(35).AddHours(9),
            EvaluationEndsAt = today9.AddDays(60),
            ResultsAt = today9.AddDays(70),
            Prizes = [50_000m, 30_000m, 20_000m],
            IsBlind = true,
            OpenToOutsideInitiatives = true,
        }, ct));
        Ok(await calls.SaveEligibilityAsync(secretariat, competition, new EligibilityInput { MaxApplicationsPerApplicant = 1 }, ct));
        Ok(await calls.SaveFormAsync(secretariat, competition, [
            new FormFieldInput { Kind = FormFieldKind.Text, LabelFr = "Présentation de l’initiative", LabelAr = "تقديم المبادرة", LabelEn = "The initiative", Required = true, MaxLength = 1000 },
            new FormFieldInput { Kind = FormFieldKind.LongText, LabelFr = "En quoi l’initiative est-elle innovante ?", LabelAr = "ما الجديد في المبادرة؟", LabelEn = "What is innovative about it?", MaxLength = 8000 },
            new FormFieldInput { Kind = FormFieldKind.Date, LabelFr = "Date de création", LabelAr = "تاريخ الإحداث", LabelEn = "Founded on" },
            new FormFieldInput { Kind = FormFieldKind.Files, LabelFr = "Pièces (statuts, photos)", LabelAr = "الوثائق (القانون الأساسي، صور)", LabelEn = "Documents (statutes, photos)", MaxItems = 5 },
        ], ct));
        Ok(await calls.SaveGridAsync(secretariat, competition, [
            new CriterionInput { LabelFr = "Innovation", LabelAr = "الابتكار", LabelEn = "Innovation", Weight = 3m, ScaleMax = 10 },
            new CriterionInput { LabelFr = "Impact social", LabelAr = "الأثر الاجتماعي", LabelEn = "Social impact", Weight = 2m, ScaleMax = 10 },
            new CriterionInput { LabelFr = "Viabilité", LabelAr = "الاستدامة", LabelEn = "Viability", Weight = 1m, ScaleMax = 10 },
        ], ct));
        Ok(await calls.PublishAsync(secretariat, competition, ct));

        // The second edition's applications: a draft by the demo member's institution, one submitted by another institution in good standing.
        var member = people.Single(p => p.Email == "member@noress.demo");
        var draft = Ok(await applications.StartAsync(Person(member), second, "Plateforme de commercialisation des produits du terroir", ct));
        await FillAsync(applications, Person(member), draft, 45_000m, 15_000m, ct);
        foreach (var person in people.Where(p => p.InstitutionId != member.InstitutionId && p.Email != "secretariat@noress.demo" && p.Email != "admin@noress.demo"))
        {
            var id = await applications.StartAsync(Person(person), second, "Unité coopérative de transformation du lait de chèvre", ct);
            if (!id.Succeeded)
            {
                continue;
            }

            var version = await FillAsync(applications, Person(person), id.Value!, 60_000m, 18_000m, ct);
            if ((await applications.SubmitAsync(Person(person), id.Value!, version, ct)).Succeeded)
            {
                break;
            }
        }
    }

    private static CallInput Ami(int edition, string fr, string ar, string en, DateTime opens, DateTime deadline, decimal envelope, int projects) => new()
    {
        Kind = CallKind.Ami,
        Edition = edition,
        TitleFr = fr,
        TitleAr = ar,
        TitleEn = en,
        PublicationAt = opens,
        OpensAt = opens,
        DeadlineAt = deadline,
        EvaluationEndsAt = deadline.AddDays(30),
        ResultsAt = deadline.AddDays(45),
        EnvelopeTotal = envelope,
        ProjectCount = projects,
    };

    private static async Task PrepareAsync(CallService calls, ClaimsPrincipal secretariat, Guid callId, decimal cap, CancellationToken ct)
    {
        Ok(await calls.SaveEligibilityAsync(secretariat, callId, new EligibilityInput
        {
            RequireMemberInGoodStanding = true,
            MaxApplicationsPerApplicant = 1,
            MaxRequestedAmount = cap,
            MinOwnContributionPercent = 20m,
        }, ct));
        Ok(await calls.SaveFormAsync(secretariat, callId, [
            new FormFieldInput { Kind = FormFieldKind.Text, LabelFr = "Résumé du projet", LabelAr = "ملخص المشروع", LabelEn = "Project summary", Required = true, MaxLength = 1000 },
            new FormFieldInput { Kind = FormFieldKind.LongText, LabelFr = "Description détaillée", LabelAr = "وصف مفصل", LabelEn = "Detailed description", MaxLength = 20000 },
            new FormFieldInput { Kind = FormFieldKind.Choice, LabelFr = "Filière", LabelAr = "السلسلة", LabelEn = "Sector", ChoicesFr = "Agriculture\nArtisanat\nServices", ChoicesAr = "الفلاحة\nالصناعة التقليدية\nالخدمات", ChoicesEn = "Agriculture\nCrafts\nServices" },
            new FormFieldInput { Kind = FormFieldKind.Date, LabelFr = "Date de démarrage", LabelAr = "تاريخ الانطلاق", LabelEn = "Start date" },
            new FormFieldInput { Kind = FormFieldKind.BudgetTable, LabelFr = "Budget prévisionnel", LabelAr = "الميزانية التقديرية", LabelEn = "Budget", Required = true, MaxItems = 20 },
            new FormFieldInput { Kind = FormFieldKind.Partners, LabelFr = "Partenaires", LabelAr = "الشركاء", LabelEn = "Partners", MaxItems = 10 },
            new FormFieldInput { Kind = FormFieldKind.Files, LabelFr = "Pièces justificatives", LabelAr = "الوثائق المثبتة", LabelEn = "Supporting documents", MaxItems = 5 },
        ], ct));
        Ok(await calls.SaveGridAsync(secretariat, callId, [
            new CriterionInput { LabelFr = "Pertinence", LabelAr = "الملاءمة", LabelEn = "Relevance", Weight = 2m, ScaleMax = 20 },
            new CriterionInput { LabelFr = "Faisabilité", LabelAr = "قابلية الإنجاز", LabelEn = "Feasibility", Weight = 2m, ScaleMax = 20 },
            new CriterionInput { LabelFr = "Impact territorial", LabelAr = "الأثر الترابي", LabelEn = "Local impact", Weight = 1m, ScaleMax = 20 },
        ], ct));
        Ok(await calls.PublishAsync(secretariat, callId, ct));
    }

    private static async Task<Guid> FillAsync(ApplicationService applications, ClaimsPrincipal person, Guid applicationId, decimal requested, decimal own, CancellationToken ct)
    {
        var view = await applications.GetAsync(person, applicationId, ct) ?? throw new InvalidOperationException("The demo application is not readable by its applicant.");
        var summary = view.Fields.Single(f => f.Kind == FormFieldKind.Text);
        var budget = view.Fields.Single(f => f.Kind == FormFieldKind.BudgetTable);
        var draft = view.Draft;
        draft.Answers[summary.Id] = new AnswerInput { Text = "Un projet porté par des coopératives de la région pour créer de l’emploi local." };
        draft.BudgetLines =
        [
            new BudgetLineInput { FieldId = budget.Id, Label = "Équipement", Requested = requested * 0.7m, OwnContribution = own * 0.5m },
            new BudgetLineInput { FieldId = budget.Id, Label = "Formation et accompagnement", Requested = requested * 0.3m, OwnContribution = own * 0.5m },
        ];
        return Ok(await applications.SaveAsync(person, applicationId, draft, view.Application.Version, ct));
    }

    private static ClaimsPrincipal Person(NoressUser user) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Member)], "demo"));

    private static T Ok<T>(Shared.Operations.Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"Demo calls: {outcome.Refusal?.Code}");
}
