using System.Security.Claims;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Documents;

namespace Noress.App.DemoData;

/// <summary>
/// Demonstration documents, so the documents area shows co-editing, suggestions and mixed French/Arabic text
/// from the first start: the internal rules (members may suggest), the strategic action plan and a
/// committee roadmap. Created through the documents services, like the secretariat would.
/// </summary>
internal static class DemoDocuments
{
    public const string InternalRulesTitle = "Règlement intérieur du réseau – النظام الداخلي (démonstration)";

    private const string InternalRules = """
        # Règlement intérieur du réseau ESS Tanger-Tétouan-Al Hoceima

        *Document de démonstration : extraits ; le texte en vigueur, article par article, est à /rules.*

        ## Article 1 : objet
        Le présent règlement précise le fonctionnement du réseau régional de l'économie sociale et solidaire,
        constitué par le mémorandum d'entente signé par ses institutions membres.

        ## المادة 1: الموضوع
        يحدد هذا النظام كيفية اشتغال الشبكة الجهوية للاقتصاد الاجتماعي والتضامني المحدثة بموجب مذكرة التفاهم الموقعة من طرف المؤسسات الأعضاء.

        ## Article 2 : organes
        - l'assemblée plénière des institutions membres ;
        - le secrétariat permanent, élu en plénière ;
        - trois comités thématiques.

        ## Article 9 : quorum
        La plénière délibère valablement lorsque la moitié au moins des institutions membres en règle sont
        présentes ou représentées.

        ## Article 11 : majorité
        Les décisions sont prises à la majorité simple des suffrages exprimés.

        """;

    private const string ActionPlan = """
        # Plan d'action stratégique 2026-2028

        *Document de démonstration.*

        | Axe | Objectif | Échéance |
        |---|---|---|
        | Financement | Deux appels à manifestation d'intérêt par an | 2026-2028 |
        | Formation | Un cycle de formation par province | 2027 |
        | Observation | Un observatoire régional de l'ESS | 2028 |

        ## Axe 1 : financement
        Cofinancer les projets des institutions membres (40 000 MAD par projet, puis 60 000 MAD).

        ## المحور 2: التكوين
        تنظيم دورات تكوينية لفائدة التعاونيات والجمعيات في كل إقليم من أقاليم الجهة.

        """;

    /// <summary>The demo secretariat as the services see a signed-in person.</summary>
    public static ClaimsPrincipal Secretariat(Guid secretariatId) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, secretariatId.ToString()),
            new Claim(ClaimTypes.Role, Roles.Secretariat),
            new Claim(ClaimTypes.Role, Roles.Member),
        ],
        "demo"));

    /// <summary>Seeds the demo documents; returns the internal rules' id (the demo plenary attaches it).</summary>
    public static async Task<Guid> SeedAsync(DocumentService documents, DocumentSharingService sharing, Guid secretariatId, IReadOnlyList<Committee> committees, CancellationToken cancellationToken)
    {
        var secretariat = Secretariat(secretariatId);
        var rules = (await documents.CreateAsync(secretariat, DocumentSpaceKind.Platform, null, InternalRulesTitle, InternalRules, cancellationToken)).Value;
        // Members propose amendments as suggestions; the secretariat accepts or rejects them.
        await sharing.GrantAsync(secretariat, rules, DocumentPrincipalKind.Role, Roles.Member, DocumentRight.Suggest, cancellationToken);
        await documents.CreateAsync(secretariat, DocumentSpaceKind.Platform, null, "Note de cadrage du plan d'action stratégique 2026-2028 (démonstration)", ActionPlan, cancellationToken);
        foreach (var committee in committees)
        {
            // Private to the committee (ADR 0028): its roadmap; shared with the network: its summary note.
            await documents.CreateAsync(
                secretariat, DocumentSpaceKind.Committee, committee.Id, $"Feuille de route – {committee.NameFr} (démonstration)",
                $"# {committee.NameFr}\n\n## {committee.NameAr}\n\n- Réunion de lancement\n- Plan d'action thématique\n", cancellationToken);
            var note = (await documents.CreateAsync(
                secretariat, DocumentSpaceKind.Committee, committee.Id, $"Note de synthèse – {committee.NameFr} (démonstration)",
                $"# Note de synthèse\n\nTravaux du {committee.NameFr}, partagés avec tout le réseau.\n\n## ملخص\n\nأعمال {committee.NameAr}، متاحة لجميع أعضاء الشبكة.\n", cancellationToken)).Value;
            await sharing.SetSharedWithNetworkAsync(secretariat, note, true, cancellationToken);
        }

        return rules;
    }
}
