using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Sessions;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Minutes;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Localization;

namespace Noress.Tests.Sessions;

public sealed class MinutesGeneratorTests
{
    private static readonly MinutesInstitution Odco = new(Guid.NewGuid(), "ODCO", "Office du développement de la coopération", "مكتب تنمية التعاون");
    private static readonly MinutesInstitution Amdi = new(Guid.NewGuid(), "AMDI", "Agence marocaine de développement", "الوكالة المغربية للتنمية");
    private static readonly MinutesInstitution Rdc = new(Guid.NewGuid(), "RDC", "Réseau de la coopération", "شبكة التعاون");

    private static IStringLocalizer<MinutesText> Text() =>
        new ServiceCollection().AddLogging().AddNoressLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<MinutesText>>();

    private static MinutesGenerator Generator(params IMinutesSection[] extra) =>
        new([new AttendanceMinutesSection(), new AgendaMinutesSection(), new VotesMinutesSection(), new DecisionsMinutesSection(), .. extra], Text());

    private static MinutesData Data()
    {
        var session = new Session
        {
            Title = "Session plénière de printemps",
            Place = "Tanger",
            StartsAt = new DateTime(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc),
            OpenedAt = new DateTime(2026, 4, 10, 9, 5, 0, DateTimeKind.Utc),
            ClosedAt = new DateTime(2026, 4, 10, 12, 0, 0, DateTimeKind.Utc),
            ConvenedAt = new DateTime(2026, 3, 20, 9, 0, 0, DateTimeKind.Utc),
            State = SessionState.Closed,
        };
        var plan = new Vote
        {
            SessionId = session.Id,
            Question = "Adopter le plan d'action 2027 ?",
            State = VoteState.Closed,
            Ballot = BallotKind.Open,
            For = 2,
            Against = 1,
            Abstain = 0,
            BaseCount = 3,
            RequiredFor = 2,
            MajorityKind = MajorityKind.Simple,
            MajorityBase = MajorityBase.VotesCast,
            ComputedVerdict = Verdict.Adopted,
            Verdict = Verdict.Adopted,
            OpenedAt = session.OpenedAt!.Value.AddMinutes(10),
        };
        var budget = new Vote
        {
            SessionId = session.Id,
            Question = "Approuver le budget ?",
            State = VoteState.Closed,
            Ballot = BallotKind.Secret,
            For = 1,
            Against = 2,
            Abstain = 0,
            BaseCount = 3,
            RequiredFor = 2,
            MajorityKind = MajorityKind.Absolute,
            MajorityBase = MajorityBase.AllMembers,
            ComputedVerdict = Verdict.Rejected,
            Verdict = Verdict.Adopted,
            OverrideReason = "Erreur de saisie du bulletin de RDC.",
            OpenedAt = session.OpenedAt!.Value.AddMinutes(40),
        };
        return new MinutesData(
            session,
            [new AgendaItem { SessionId = session.Id, Title = "Plan d'action", Kind = AgendaItemKind.Deliberation, Position = 0 }],
            [Amdi, Odco],
            [new MinutesProxy(Rdc, Odco)],
            new QuorumStatus(3, 2, 1, 2, 1),
            [new MinutesVote(plan, [(Amdi, VoteChoice.For), (Odco, VoteChoice.For), (Rdc, VoteChoice.Against)]), new MinutesVote(budget, [])],
            [new Decision { Year = 2026, Sequence = 7, Text = "Le plan d'action 2027 est adopté.", SessionId = session.Id, VoteId = plan.Id }]);
    }

    [Theory]
    [InlineData(2026, 7, "2026-007")]
    [InlineData(2026, 123, "2026-123")]
    [InlineData(2027, 1234, "2027-1234")]
    public void Format_PadsTheSequenceToThreeDigits(int year, int sequence, string expected) =>
        Assert.Equal(expected, Decision.Format(year, sequence));

    [Fact]
    public async Task WriteAsync_French_ContainsEveryVoteWithCountsBaseVerdictAndOverride()
    {
        var text = await Generator().WriteAsync(Data(), MinutesCultures.French, default);

        Assert.StartsWith("# Procès-verbal\u00a0: Session plénière de printemps", text, StringComparison.Ordinal);
        Assert.Contains("### Vote 1\u00a0: Adopter le plan d'action 2027 ?", text, StringComparison.Ordinal);
        Assert.Contains("### Vote 2\u00a0: Approuver le budget ?", text, StringComparison.Ordinal);
        Assert.Contains("Pour\u00a0: 2\u00a0; contre\u00a0: 1\u00a0; abstentions\u00a0: 0", text, StringComparison.Ordinal);
        Assert.Contains("Pour\u00a0: 1\u00a0; contre\u00a0: 2\u00a0; abstentions\u00a0: 0", text, StringComparison.Ordinal);
        Assert.Contains("Majorité absolue, base\u00a0: tous les membres (3), 2 voix pour requises", text, StringComparison.Ordinal);
        Assert.Contains("Résultat calculé (rejeté) modifié par le secrétariat, motif\u00a0: Erreur de saisie du bulletin de RDC.", text, StringComparison.Ordinal);
        Assert.Contains("- Pour\u00a0: AMDI, ODCO", text, StringComparison.Ordinal);
        Assert.Contains("RDC — Réseau de la coopération a donné procuration à ODCO — Office du développement de la coopération", text, StringComparison.Ordinal);
        Assert.Contains("Décision n° 2026-007\u00a0: Le plan d'action 2027 est adopté.", text, StringComparison.Ordinal);
        Assert.Contains("Lieu\u00a0: Tanger", text, StringComparison.Ordinal);
        // Sections in order: attendance, agenda, votes, decisions.
        Assert.True(text.IndexOf("## Présences", StringComparison.Ordinal) < text.IndexOf("## Ordre du jour", StringComparison.Ordinal));
        Assert.True(text.IndexOf("## Votes", StringComparison.Ordinal) < text.IndexOf("## Décisions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_Arabic_IsInArabicWhateverTheCurrentCulture()
    {
        var text = await Generator().WriteAsync(Data(), MinutesCultures.Arabic, default);

        Assert.Contains("## عمليات التصويت", text, StringComparison.Ordinal);
        Assert.Contains("مع: 2؛ ضد: 1؛ امتناع: 0", text, StringComparison.Ordinal);
        Assert.Contains("القرار رقم 2026-007", text, StringComparison.Ordinal);
        Assert.Contains("ODCO — مكتب تنمية التعاون", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Procès-verbal", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_SameData_SameText()
    {
        var data = Data();

        Assert.Equal(await Generator().WriteAsync(data, MinutesCultures.French, default), await Generator().WriteAsync(data, MinutesCultures.French, default));
    }

    [Fact]
    public async Task WriteAsync_AnotherFeaturesSection_GoesInItsPlace()
    {
        var text = await Generator(new ElectedSection()).WriteAsync(Data(), MinutesCultures.French, default);

        var elected = text.IndexOf("## Élus", StringComparison.Ordinal);
        Assert.True(text.IndexOf("## Votes", StringComparison.Ordinal) < elected && elected < text.IndexOf("## Décisions", StringComparison.Ordinal));
    }

    [Fact]
    public void Inline_PeoplesText_CannotStartMarkdownStructure() =>
        Assert.Equal("\\# Titre \\*gras\\* sur deux lignes", MinutesWriter.Inline("# Titre *gras*\nsur deux lignes"));

    private sealed class ElectedSection : IMinutesSection
    {
        public int Order => 50;

        public Task<string?> WriteAsync(MinutesData data, MinutesWriter writer, CancellationToken ct) => Task.FromResult<string?>("## Élus\n\n- Amina Benali, rapporteure");
    }
}
