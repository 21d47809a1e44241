using System.Security.Claims;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Members;
using Noress.App.Plans;

namespace Noress.App.DemoData;

/// <summary>
/// The demo action plans, written through <see cref="PlanService"/> like a person would: the strategic plan on the four
/// axes of the PRESS project and one thematic plan per committee. Dates are relative to the seeding day, so some
/// actions are always late and the dashboards have something to show.
/// </summary>
internal static class DemoPlans
{
    public static async Task SeedAsync(
        PlanService plans,
        ClaimsPrincipal secretariat,
        IReadOnlyList<Institution> institutions,
        IReadOnlyList<Committee> committees,
        IReadOnlyList<NoressUser> people,
        DateOnly today,
        CancellationToken ct)
    {
        var context = new SeedContext(plans, secretariat, institutions, committees, people, today);
        var strategic = Ok(await plans.CreatePlanAsync(
            secretariat, PlanKind.Strategic, null,
            "Plan d'action stratégique 2026-2028 (démonstration)", "مخطط العمل الاستراتيجي 2026-2028 (تجريبي)", "Strategic action plan 2026-2028 (demo)", ct));
        await context.AddTreeAsync(strategic, Strategic, ct);

        foreach (var committee in committees)
        {
            var plan = Ok(await plans.CreatePlanAsync(
                secretariat, PlanKind.Thematic, committee.Id,
                $"Plan d'action thématique – {committee.NameFr} (démonstration)", $"مخطط العمل الموضوعاتي – {committee.NameAr} (تجريبي)",
                $"Thematic action plan – {committee.NameEn} (demo)", ct));
            await context.AddTreeAsync(plan, Thematic(committee.Code), ct);
        }
    }

    // Months are offsets from the seeding day: an action due last month and still in progress is late.
    private static readonly DemoAxis[] Strategic =
    [
        new("La Maison de l'ESS", "دار الاقتصاد الاجتماعي والتضامني", "The house of the SSE",
        [
            new("Ouvrir un lieu régional d'accueil des acteurs de l'ESS", "فتح فضاء جهوي لاستقبال فاعلي الاقتصاد الاجتماعي والتضامني", "Open a regional place for SSE actors",
            [
                new("Étude de programmation de la Maison de l'ESS", "دراسة برمجة دار الاقتصاد الاجتماعي والتضامني", "Programming study of the house", "MESS-TTA", ["CRTTA", "DRESS"], "secretariat@noress.demo", null, -14, -9, PlanItemStatus.Done, 100, 120_000, 120_000, 118_500),
                new("Convention de mise à disposition du local", "اتفاقية وضع المقر رهن الإشارة", "Agreement on the premises", "CRTTA", ["CT-TET"], "secretariat@noress.demo", null, -10, -6, PlanItemStatus.Done, 100, 0, 0, 0),
                new("Travaux d'aménagement et d'accessibilité", "أشغال التهيئة والولوجيات", "Fit-out and accessibility works", "CRTTA", ["MESS-TTA"], "rep2@noress.demo", null, -6, -1, PlanItemStatus.InProgress, 70, 850_000, 780_000, 610_000),
            ]),
            new("Faire vivre la Maison par un programme d'accompagnement", "تنشيط الدار ببرنامج للمواكبة", "Run a support programme in the house",
            [
                new("Permanences d'accueil et d'orientation des porteurs de projets", "ديمومة الاستقبال وتوجيه حاملي المشاريع", "Drop-in advice for project holders", "MESS-TTA", ["ODCO", "ANAPEC-TTA"], "member@noress.demo", "formation", -2, 10, PlanItemStatus.InProgress, 25, 90_000, 40_000, 18_000),
                new("Programme annuel d'ateliers thématiques", "البرنامج السنوي للورشات الموضوعاتية", "Annual programme of thematic workshops", "DRESS", ["EN-TTA"], "rep1@noress.demo", "formation", 1, 12, PlanItemStatus.Planned, 0, 150_000, 0, 0),
            ]),
        ]),
        new("L'observatoire régional de l'ESS", "المرصد الجهوي للاقتصاد الاجتماعي والتضامني", "The regional SSE observatory",
        [
            new("Produire des données fiables sur le secteur", "إنتاج معطيات موثوقة حول القطاع", "Produce reliable data on the sector",
            [
                new("Cartographie des coopératives et associations de la région", "خريطة التعاونيات والجمعيات بالجهة", "Map of the region's cooperatives and associations", "ORESS", ["UAE", "ODCO"], "rep1@noress.demo", "observation", -8, 2, PlanItemStatus.InProgress, 55, 200_000, 160_000, 95_000,
                    new("Structures cartographiées", "البنيات المرصودة", "Structures mapped", "structures", 0, 1_200, [(-6, 180), (-3, 420), (0, 610)])),
                new("Baromètre annuel de l'ESS régionale", "البارومتر السنوي للاقتصاد الاجتماعي والتضامني الجهوي", "Annual barometer of the regional SSE", "ORESS", ["FSJES-T"], "rep1@noress.demo", "observation", -4, -1, PlanItemStatus.InProgress, 40, 80_000, 60_000, 52_000),
            ]),
            new("Diffuser les connaissances", "نشر المعارف", "Share knowledge",
            [
                new("Plateforme de données ouvertes de l'observatoire", "منصة المعطيات المفتوحة للمرصد", "The observatory's open data platform", "ORESS", ["UAE"], "member@noress.demo", "observation", 2, 14, PlanItemStatus.Planned, 0, 250_000, 0, 0),
                new("Publication du premier rapport régional", "نشر التقرير الجهوي الأول", "First regional report", "ORESS", ["CRTTA"], "rep1@noress.demo", "observation", -3, -2, PlanItemStatus.InProgress, 80, 60_000, 60_000, 41_000),
            ]),
        ]),
        new("Structuration et animation du secteur", "هيكلة القطاع وتنشيطه", "Structuring and animating the sector",
        [
            new("Renforcer les capacités des acteurs", "تعزيز قدرات الفاعلين", "Build the actors' capacities",
            [
                new("Cycle de formation à la gestion coopérative", "دورة تكوينية في التدبير التعاوني", "Training cycle in cooperative management", "ODCO", ["ENCG-T", "FRC-TTA"], "rep2@noress.demo", "formation", -5, 4, PlanItemStatus.InProgress, 45, 180_000, 150_000, 70_000,
                    new("Personnes formées", "الأشخاص المكونون", "People trained", "personnes", 0, 300, [(-3, 60), (0, 140)])),
                new("Accompagnement de 20 coopératives féminines à la labellisation", "مواكبة 20 تعاونية نسائية للحصول على العلامة", "Support 20 women's cooperatives to certification", "UCFA", ["ADA-TTA", "CAR-TTA"], "rep2@noress.demo", "financement", -7, -2, PlanItemStatus.InProgress, 60, 240_000, 200_000, 150_000),
            ]),
            new("Animer le réseau et ses comités", "تنشيط الشبكة ولجانها", "Run the network and its committees",
            [
                new("Salon régional de l'ESS", "المعرض الجهوي للاقتصاد الاجتماعي والتضامني", "Regional SSE fair", "CAM-TTA", ["CCIS-TTA", "CT-TNG"], "secretariat@noress.demo", "financement", 3, 6, PlanItemStatus.Planned, 0, 400_000, 120_000, 0),
                new("Appel à manifestation d'intérêt 2026 : cofinancement de projets", "طلب إبداء الاهتمام 2026: التمويل المشترك للمشاريع", "2026 call for expressions of interest: project co-financing", "CRTTA", ["APDN"], "secretariat@noress.demo", "financement", -9, -3, PlanItemStatus.Done, 100, 120_000, 120_000, 120_000),
            ]),
        ]),
        new("L'entreprise collective partagée", "المقاولة الجماعية المشتركة", "The shared collective enterprise",
        [
            new("Constituer l'entreprise collective", "تأسيس المقاولة الجماعية", "Set up the collective enterprise",
            [
                new("Étude juridique et économique du statut", "دراسة قانونية واقتصادية للنظام الأساسي", "Legal and economic study of the statute", "FSJES-T", ["CRI-TTA"], "member@noress.demo", "financement", -6, -3, PlanItemStatus.Done, 100, 70_000, 70_000, 68_000),
                new("Assemblée constitutive et souscription des parts", "الجمع التأسيسي واكتتاب الحصص", "Founding assembly and subscription of shares", "FRC-TTA", ["RESS-RIF", "FAN"], "rep2@noress.demo", "financement", 1, 4, PlanItemStatus.Planned, 0, 30_000, 0, 0),
            ]),
            new("Mutualiser les services des membres", "تجميع خدمات الأعضاء", "Pool the members' services",
            [
                new("Centrale d'achats mutualisée", "مركزية الشراء المشتركة", "Pooled purchasing", "FRC-TTA", ["UCFA"], "rep2@noress.demo", "financement", 4, 16, PlanItemStatus.Planned, 0, 300_000, 0, 0),
                new("Boutique en ligne commune", "متجر إلكتروني مشترك", "Shared online shop", "CCIS-TTA", ["CAM-TTA"], "member@noress.demo", "financement", -4, 2, PlanItemStatus.Cancelled, 10, 150_000, 20_000, 12_000),
            ]),
        ]),
    ];

    private static DemoAxis[] Thematic(string committee) => committee switch
    {
        "financement" =>
        [
            new("Accès au financement", "الولوج إلى التمويل", "Access to finance",
            [
                new("Outiller les coopératives face aux financeurs", "تأهيل التعاونيات أمام الممولين", "Equip cooperatives to meet funders",
                [
                    new("Guide des financements disponibles pour l'ESS", "دليل التمويلات المتاحة للاقتصاد الاجتماعي والتضامني", "Guide to funding available to the SSE", "ADS", ["INDH-TNG", "INDH-TET"], "rep2@noress.demo", null, -3, -1, PlanItemStatus.InProgress, 75, 40_000, 35_000, 30_000),
                    new("Rencontre coopératives – banques participatives", "لقاء التعاونيات والأبناك التشاركية", "Cooperatives meet participatory banks", "CCIS-TTA", ["CRI-TTA"], "rep2@noress.demo", null, 1, 2, PlanItemStatus.Planned, 0, 25_000, 0, 0),
                ]),
            ]),
        ],
        "formation" =>
        [
            new("Formation et accompagnement", "التكوين والمواكبة", "Training and support",
            [
                new("Former les dirigeants des structures de l'ESS", "تكوين مسيري بنيات الاقتصاد الاجتماعي والتضامني", "Train SSE organisations' leaders",
                [
                    new("Module de gouvernance coopérative", "وحدة الحكامة التعاونية", "Cooperative governance module", "ENCG-T", ["ODCO"], "rep1@noress.demo", null, -4, -2, PlanItemStatus.InProgress, 50, 60_000, 45_000, 30_000),
                    new("Tutorat entre coopératives expérimentées et jeunes coopératives", "التأطير بين التعاونيات المتمرسة والتعاونيات الناشئة", "Mentoring between experienced and young cooperatives", "FRC-TTA", ["UCFA"], "rep1@noress.demo", null, -1, 8, PlanItemStatus.InProgress, 20, 50_000, 10_000, 4_000),
                ]),
            ]),
        ],
        _ =>
        [
            new("Observation, communication et plaidoyer", "الرصد والتواصل والترافع", "Observation, communication and advocacy",
            [
                new("Porter la voix du réseau", "إيصال صوت الشبكة", "Carry the network's voice",
                [
                    new("Note de plaidoyer sur la commande publique responsable", "مذكرة ترافعية حول الصفقات العمومية المسؤولة", "Advocacy note on responsible public procurement", "RESS-RIF", ["CRTTA"], "member@noress.demo", null, -2, -1, PlanItemStatus.InProgress, 65, 15_000, 10_000, 8_000),
                    new("Lettre d'information trimestrielle bilingue", "نشرة إخبارية فصلية ثنائية اللغة", "Quarterly bilingual newsletter", "ORESS", ["MESS-TTA"], "rep1@noress.demo", null, -6, 6, PlanItemStatus.InProgress, 50, 36_000, 18_000, 15_000),
                ]),
            ]),
        ],
    };

    private static T Ok<T>(Noress.App.Shared.Operations.Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"Demo plans: {outcome.Error}");

    private sealed class SeedContext(
        PlanService plans,
        ClaimsPrincipal secretariat,
        IReadOnlyList<Institution> institutions,
        IReadOnlyList<Committee> committees,
        IReadOnlyList<NoressUser> people,
        DateOnly today)
    {
        public async Task AddTreeAsync(Guid planId, IReadOnlyList<DemoAxis> axes, CancellationToken ct)
        {
            var items = new List<NewPlanItem>();
            var indicators = new List<(Guid ItemId, DemoIndicator Indicator)>();
            foreach (var axis in axes)
            {
                var axisId = Guid.NewGuid();
                items.Add(new NewPlanItem(axisId, null, PlanItemKind.Axis, axis.TitleFr, axis.TitleAr, axis.TitleEn));
                foreach (var objective in axis.Objectives)
                {
                    var objectiveId = Guid.NewGuid();
                    items.Add(new NewPlanItem(objectiveId, axisId, PlanItemKind.Objective, objective.TitleFr, objective.TitleAr, objective.TitleEn));
                    foreach (var action in objective.Actions)
                    {
                        var actionId = Guid.NewGuid();
                        items.Add(Action(actionId, objectiveId, action));
                        if (action.Indicator is { } indicator)
                        {
                            indicators.Add((actionId, indicator));
                        }
                    }
                }
            }

            Ok(await plans.AddItemsAsync(secretariat, planId, items, ct));
            foreach (var (itemId, indicator) in indicators)
            {
                var indicatorId = Ok(await plans.AddIndicatorAsync(
                    secretariat, itemId, new NewIndicator(indicator.NameFr, indicator.NameAr, indicator.NameEn, indicator.Unit, indicator.Baseline, indicator.Target), ct));
                foreach (var (months, actual) in indicator.Measures)
                {
                    var day = today.AddMonths(months);
                    Ok(await plans.RecordMeasureAsync(secretariat, indicatorId, $"{day.Year:0000}-Q{((day.Month - 1) / 3) + 1}", actual, ct));
                }
            }
        }

        private NewPlanItem Action(Guid id, Guid parentId, DemoAction action) => new(id, parentId, PlanItemKind.Action, action.TitleFr, action.TitleAr, action.TitleEn)
        {
            LeadInstitutionId = Institution(action.Lead),
            PartnerIds = action.Partners.Select(Institution).ToList(),
            ResponsibleUserId = people.Single(p => p.Email == action.Responsible).Id,
            CommitteeId = action.Committee is { } code ? committees.Single(c => c.Code == code).Id : null,
            StartsOn = today.AddMonths(action.StartMonths),
            DueOn = today.AddMonths(action.DueMonths),
            Status = action.Status,
            Progress = action.Progress,
            BudgetPlanned = action.Planned,
            BudgetCommitted = action.Committed,
            BudgetSpent = action.Spent,
        };

        private Guid Institution(string acronym) => institutions.Single(i => i.Acronym == acronym).Id;
    }

    private sealed record DemoAxis(string TitleFr, string TitleAr, string TitleEn, IReadOnlyList<DemoObjective> Objectives);

    private sealed record DemoObjective(string TitleFr, string TitleAr, string TitleEn, IReadOnlyList<DemoAction> Actions);

    private sealed record DemoAction(
        string TitleFr,
        string TitleAr,
        string TitleEn,
        string Lead,
        IReadOnlyList<string> Partners,
        string Responsible,
        string? Committee,
        int StartMonths,
        int DueMonths,
        PlanItemStatus Status,
        int Progress,
        decimal Planned,
        decimal Committed,
        decimal Spent,
        DemoIndicator? Indicator = null);

    private sealed record DemoIndicator(string NameFr, string NameAr, string NameEn, string Unit, decimal Baseline, decimal Target, IReadOnlyList<(int Months, decimal Actual)> Measures);
}
