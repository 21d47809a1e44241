using Noress.App.Members;

namespace Noress.App.DemoData;

/// <summary>
/// Thirty-five plausible member institutions of a regional ESS network. Demonstration data:
/// every row is flagged IsDemo and the UI marks it so.
/// </summary>
internal static class DemoInstitutions
{
    public static readonly IReadOnlyList<(string Acronym, string NameFr, string NameAr, InstitutionCategory Category, string City)> All =
    [
        ("CRTTA", "Conseil de la Région Tanger-Tétouan-Al Hoceima", "مجلس جهة طنجة تطوان الحسيمة", InstitutionCategory.LocalAuthority, "Tanger"),
        ("ODCO", "Office du Développement de la Coopération", "مكتب تنمية التعاون", InstitutionCategory.PublicAgency, "Tanger"),
        ("ADS", "Agence de Développement Social", "وكالة التنمية الاجتماعية", InstitutionCategory.PublicAgency, "Tétouan"),
        ("INDH-TNG", "Initiative Nationale pour le Développement Humain – Préfecture de Tanger-Assilah", "المبادرة الوطنية للتنمية البشرية – عمالة طنجة أصيلة", InstitutionCategory.SupportProgramme, "Tanger"),
        ("INDH-TET", "Initiative Nationale pour le Développement Humain – Préfecture de Tétouan", "المبادرة الوطنية للتنمية البشرية – عمالة تطوان", InstitutionCategory.SupportProgramme, "Tétouan"),
        ("APDN", "Agence pour la Promotion et le Développement du Nord", "وكالة إنعاش وتنمية الشمال", InstitutionCategory.PublicAgency, "Tétouan"),
        ("CCIS-TTA", "Chambre de Commerce, d'Industrie et de Services Tanger-Tétouan-Al Hoceima", "غرفة التجارة والصناعة والخدمات لجهة طنجة تطوان الحسيمة", InstitutionCategory.Chamber, "Tanger"),
        ("CAR-TTA", "Chambre d'Agriculture régionale Tanger-Tétouan-Al Hoceima", "الغرفة الفلاحية لجهة طنجة تطوان الحسيمة", InstitutionCategory.Chamber, "Tétouan"),
        ("CAM-TTA", "Chambre d'Artisanat Tanger-Tétouan-Al Hoceima", "غرفة الصناعة التقليدية لجهة طنجة تطوان الحسيمة", InstitutionCategory.Chamber, "Tétouan"),
        ("CPM-MED", "Chambre des Pêches Maritimes de la Méditerranée", "غرفة الصيد البحري المتوسطية", InstitutionCategory.Chamber, "Tanger"),
        ("UAE", "Université Abdelmalek Essaâdi", "جامعة عبد المالك السعدي", InstitutionCategory.University, "Tétouan"),
        ("ENCG-T", "École Nationale de Commerce et de Gestion de Tanger", "المدرسة الوطنية للتجارة والتسيير بطنجة", InstitutionCategory.University, "Tanger"),
        ("FSJES-T", "Faculté des Sciences Juridiques, Économiques et Sociales de Tanger", "كلية العلوم القانونية والاقتصادية والاجتماعية بطنجة", InstitutionCategory.University, "Tanger"),
        ("ORESS", "Observatoire Régional de l'Économie Sociale et Solidaire", "المرصد الجهوي للاقتصاد الاجتماعي والتضامني", InstitutionCategory.SupportProgramme, "Tanger"),
        ("MESS-TTA", "Maison de l'Économie Sociale et Solidaire", "دار الاقتصاد الاجتماعي والتضامني", InstitutionCategory.SupportProgramme, "Tétouan"),
        ("FRC-TTA", "Fédération Régionale des Coopératives Tanger-Tétouan-Al Hoceima", "الفيدرالية الجهوية للتعاونيات طنجة تطوان الحسيمة", InstitutionCategory.Federation, "Tanger"),
        ("UCFA", "Union des Coopératives Féminines d'Argane et de Terroir du Nord", "اتحاد التعاونيات النسائية لمنتجات المجال بالشمال", InstitutionCategory.Federation, "Chefchaouen"),
        ("FAN", "Fédération des Associations du Nord pour le Développement", "فيدرالية جمعيات الشمال للتنمية", InstitutionCategory.Federation, "Tétouan"),
        ("RESS-RIF", "Réseau des Acteurs de l'ESS du Rif", "شبكة فاعلي الاقتصاد الاجتماعي والتضامني بالريف", InstitutionCategory.Federation, "Al Hoceima"),
        ("ANAPEC-TTA", "Agence Nationale de Promotion de l'Emploi et des Compétences – Direction régionale", "الوكالة الوطنية لإنعاش التشغيل والكفاءات – المديرية الجهوية", InstitutionCategory.PublicAgency, "Tanger"),
        ("CRI-TTA", "Centre Régional d'Investissement Tanger-Tétouan-Al Hoceima", "المركز الجهوي للاستثمار طنجة تطوان الحسيمة", InstitutionCategory.PublicAgency, "Tanger"),
        ("DRESS", "Délégation régionale de l'Artisanat et de l'Économie Sociale et Solidaire", "المندوبية الجهوية للصناعة التقليدية والاقتصاد الاجتماعي والتضامني", InstitutionCategory.PublicAgency, "Tanger"),
        ("ADA-TTA", "Agence pour le Développement Agricole – Pôle régional", "وكالة التنمية الفلاحية – القطب الجهوي", InstitutionCategory.PublicAgency, "Tétouan"),
        ("EN-TTA", "Entraide Nationale – Délégation régionale", "التعاون الوطني – المندوبية الجهوية", InstitutionCategory.PublicAgency, "Tanger"),
        ("CT-TNG", "Commune de Tanger", "جماعة طنجة", InstitutionCategory.LocalAuthority, "Tanger"),
        ("CT-TET", "Commune de Tétouan", "جماعة تطوان", InstitutionCategory.LocalAuthority, "Tétouan"),
        ("CP-CHF", "Conseil provincial de Chefchaouen", "المجلس الإقليمي لشفشاون", InstitutionCategory.LocalAuthority, "Chefchaouen"),
        ("CP-LAR", "Conseil provincial de Larache", "المجلس الإقليمي للعرائش", InstitutionCategory.LocalAuthority, "Larache"),
        ("CP-HOC", "Conseil provincial d'Al Hoceima", "المجلس الإقليمي للحسيمة", InstitutionCategory.LocalAuthority, "Al Hoceima"),
        ("AMAPPE-N", "Association Marocaine d'Appui à la Promotion de la Petite Entreprise – Antenne Nord", "الجمعية المغربية لدعم وإنعاش المقاولة الصغرى – فرع الشمال", InstitutionCategory.Association, "Tanger"),
        ("AL-AMANA-N", "Fondation Al Amana pour la microfinance – Région Nord", "مؤسسة الأمانة للقروض الصغرى – جهة الشمال", InstitutionCategory.SupportProgramme, "Tétouan"),
        ("TALASSEMTANE", "Association Talassemtane pour l'Environnement et le Développement", "جمعية تلاسمطان للبيئة والتنمية", InstitutionCategory.Association, "Chefchaouen"),
        ("COOP-OUAZZANE", "Coopérative agricole d'huile d'olive d'Ouazzane", "التعاونية الفلاحية لزيت الزيتون بوزان", InstitutionCategory.Cooperative, "Ouazzane"),
        ("COOP-FNIDEQ", "Coopérative féminine de couscous et produits du terroir de Fnideq", "التعاونية النسائية للكسكس ومنتجات المجال بالفنيدق", InstitutionCategory.Cooperative, "Fnideq"),
        ("REMESS-N", "Réseau Marocain de l'Économie Sociale et Solidaire – Coordination Nord", "الشبكة المغربية للاقتصاد الاجتماعي والتضامني – تنسيقية الشمال", InstitutionCategory.Federation, "Tanger"),
    ];
}
