namespace Noress.App.Sessions.RulesOfProcedure;

/// <summary>
/// The founding internal rules (session of 18 March 2015), seeded with the founding rule parameters that cite
/// them (Art. 9, 10, 11, 13, 18), so a fresh platform shows the articles its parameters point to.
/// </summary>
internal static class FoundingRules
{
    public static readonly DateOnly Date = new(2015, 3, 18);

    public static readonly DateTime CreatedAt = new(2015, 3, 18, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Number, French title, Arabic title, French text, Arabic text.</summary>
    public static readonly IReadOnlyList<(int Number, string TitleFr, string TitleAr, string TextFr, string TextAr)> Articles =
    [
        (1, "Objet", "الموضوع",
            "Le présent règlement précise le fonctionnement du réseau régional de l'économie sociale et solidaire, constitué par le mémorandum d'entente signé par ses institutions membres.",
            "يحدد هذا النظام كيفية اشتغال الشبكة الجهوية للاقتصاد الاجتماعي والتضامني المحدثة بموجب مذكرة التفاهم الموقعة من طرف المؤسسات الأعضاء."),
        (2, "Organes", "الأجهزة",
            "Le réseau comprend l'assemblée plénière des institutions membres, le secrétariat permanent, élu en plénière, et trois comités thématiques.",
            "تتكون الشبكة من الجمع العام للمؤسسات الأعضاء، والكتابة الدائمة المنتخبة من طرف الجمع العام، وثلاث لجان موضوعاتية."),
        (3, "Membres", "الأعضاء",
            "Sont membres les institutions signataires du mémorandum d'entente. Chaque institution membre en règle dispose d'une voix.",
            "الأعضاء هم المؤسسات الموقعة على مذكرة التفاهم. لكل مؤسسة عضو في وضعية سليمة صوت واحد."),
        (4, "Représentation", "التمثيل",
            "Chaque institution désigne un représentant titulaire et un suppléant. Le suppléant vote en l'absence du titulaire.",
            "تعين كل مؤسسة ممثلا رسميا ونائبا له. يصوت النائب في حالة غياب الممثل الرسمي."),
        (5, "Secrétariat permanent", "الكتابة الدائمة",
            "Le secrétariat permanent prépare et convoque les sessions, tient les registres du réseau et assure le suivi des décisions.",
            "تعد الكتابة الدائمة الدورات وتدعو إليها، وتمسك سجلات الشبكة وتتابع تنفيذ القرارات."),
        (6, "Comités thématiques", "اللجان الموضوعاتية",
            "Chaque comité thématique réunit les institutions désignées par la plénière ; il élit son président et son rapporteur.",
            "تضم كل لجنة موضوعاتية المؤسسات التي يعينها الجمع العام، وتنتخب رئيسها ومقررها."),
        (7, "Convocation", "الدعوة",
            "La plénière se réunit au moins deux fois par an sur convocation du secrétariat permanent, adressée quinze jours au moins avant la session avec l'ordre du jour.",
            "ينعقد الجمع العام مرتين في السنة على الأقل بدعوة من الكتابة الدائمة توجه خمسة عشر يوما على الأقل قبل الدورة مرفقة بجدول الأعمال."),
        (8, "Ordre du jour", "جدول الأعمال",
            "L'ordre du jour est arrêté par le secrétariat permanent. Toute institution membre peut demander l'inscription d'un point.",
            "يحدد جدول الأعمال من طرف الكتابة الدائمة، ويحق لكل مؤسسة عضو أن تطلب إدراج نقطة فيه."),
        (9, "Quorum", "النصاب",
            "La plénière délibère valablement lorsque la moitié au moins des institutions membres en règle sont présentes ou représentées. À défaut, elle est convoquée à nouveau et délibère valablement lorsque le tiers au moins sont présentes ou représentées.",
            "يتداول الجمع العام بصفة صحيحة بحضور أو تمثيل نصف المؤسسات الأعضاء في وضعية سليمة على الأقل. وإذا لم يكتمل النصاب يدعى من جديد ويتداول بصفة صحيحة بحضور أو تمثيل الثلث على الأقل."),
        (10, "Procurations", "التوكيلات",
            "Une institution absente peut donner procuration à une autre institution membre pour une session. Une institution ne peut détenir qu'une procuration.",
            "يجوز للمؤسسة الغائبة أن توكل مؤسسة عضوا أخرى لدورة واحدة. ولا يجوز لمؤسسة أن تحمل أكثر من توكيل واحد."),
        (11, "Majorité", "الأغلبية",
            "Les décisions sont prises à la majorité simple des suffrages exprimés. Les abstentions ne sont pas comptées comme suffrages exprimés.",
            "تتخذ القرارات بالأغلبية البسيطة للأصوات المعبر عنها. ولا تحتسب الامتناعات ضمن الأصوات المعبر عنها."),
        (12, "Vote", "التصويت",
            "Le vote a lieu à main levée, sauf pour les élections de personnes ou à la demande d'un tiers des institutions présentes.",
            "يتم التصويت برفع اليد، باستثناء انتخاب الأشخاص أو بطلب من ثلث المؤسسات الحاضرة."),
        (13, "Élections", "الانتخابات",
            "Les élections de personnes ont lieu au scrutin secret, à la majorité absolue des suffrages exprimés aux deux premiers tours et à la majorité relative au tour suivant.",
            "يتم انتخاب الأشخاص بالاقتراع السري، بالأغلبية المطلقة للأصوات المعبر عنها في الدورتين الأوليين وبالأغلبية النسبية في الدورة الموالية."),
        (14, "Décisions", "القرارات",
            "Les décisions adoptées sont numérotées par année et inscrites au registre des décisions tenu par le secrétariat permanent.",
            "ترقم القرارات المتخذة حسب السنة وتدون في سجل القرارات الذي تمسكه الكتابة الدائمة."),
        (15, "Procès-verbal", "المحضر",
            "Chaque session fait l'objet d'un procès-verbal, diffusé aux institutions membres et approuvé lors de la session suivante.",
            "تكون كل دورة موضوع محضر يوزع على المؤسسات الأعضاء ويصادق عليه في الدورة الموالية."),
        (16, "Langues", "اللغات",
            "Les travaux du réseau se tiennent en arabe et en français ; les documents adoptés sont établis dans les deux langues.",
            "تجرى أشغال الشبكة باللغتين العربية والفرنسية، وتحرر الوثائق المعتمدة باللغتين."),
        (17, "Retrait et suspension", "الانسحاب والتوقيف",
            "Une institution peut se retirer du réseau par lettre au secrétariat permanent. La plénière peut suspendre une institution qui manque à ses engagements.",
            "يجوز للمؤسسة الانسحاب من الشبكة برسالة إلى الكتابة الدائمة. ويجوز للجمع العام توقيف مؤسسة أخلت بالتزاماتها."),
        (18, "Modification du règlement", "تعديل النظام",
            "Le présent règlement est modifié par la plénière à la majorité des deux tiers des suffrages exprimés, sur proposition d'une institution membre ou du secrétariat permanent.",
            "يعدل هذا النظام من طرف الجمع العام بأغلبية ثلثي الأصوات المعبر عنها، باقتراح من مؤسسة عضو أو من الكتابة الدائمة."),
    ];

    /// <summary>Stable ids so the seed is the same in every migration.</summary>
    public static Guid ArticleId(int number) => Guid.Parse($"7a1e0c00-0000-4000-8000-{number:D12}");

    public static Guid VersionId(int number) => Guid.Parse($"7a1e0c00-0000-4000-9000-{number:D12}");
}
