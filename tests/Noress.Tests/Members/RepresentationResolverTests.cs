using Noress.App.Members;

namespace Noress.Tests.Members;

public sealed class RepresentationResolverTests
{
    private static readonly Guid Titular = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Alternate = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid FormerTitular = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly DateOnly Day = new(2026, 3, 5);

    private static readonly MandateFacts[] Mandates =
    [
        new(FormerTitular, RepresentativeRole.Titular, new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31)),
        new(Titular, RepresentativeRole.Titular, new DateOnly(2026, 1, 1), null),
        new(Alternate, RepresentativeRole.Alternate, new DateOnly(2025, 6, 1), new DateOnly(2026, 12, 31)),
    ];

    [Fact]
    public void Resolve_TitularPresent_TitularSpeaks()
    {
        var result = RepresentationResolver.Resolve(Mandates, Day, new HashSet<Guid>());

        Assert.Equal(new Representation(Titular, Alternate, Titular), result);
    }

    [Fact]
    public void Resolve_TitularAbsent_AlternateSpeaks() =>
        Assert.Equal(Alternate, RepresentationResolver.Resolve(Mandates, Day, new HashSet<Guid> { Titular }).SpeakerId);

    [Fact]
    public void Resolve_BothAbsent_NobodySpeaks() =>
        Assert.Null(RepresentationResolver.Resolve(Mandates, Day, new HashSet<Guid> { Titular, Alternate }).SpeakerId);

    [Fact]
    public void Resolve_DateInThePast_FollowsTheMandateInForceThen() =>
        Assert.Equal(FormerTitular, RepresentationResolver.Resolve(Mandates, new DateOnly(2025, 12, 31), new HashSet<Guid>()).SpeakerId);

    [Fact]
    public void Resolve_AfterTheAlternatesMandate_NoAlternate()
    {
        var result = RepresentationResolver.Resolve(Mandates, new DateOnly(2027, 1, 1), new HashSet<Guid> { Titular });

        Assert.Null(result.AlternateId);
        Assert.Null(result.SpeakerId);
    }

    [Fact]
    public void Resolve_NoMandates_NobodyRepresents() =>
        Assert.Equal(new Representation(null, null, null), RepresentationResolver.Resolve([], Day, new HashSet<Guid>()));

    [Theory]
    [InlineData("2026-01-01", null, "2026-06-01", null, true)]
    [InlineData("2026-01-01", "2026-05-31", "2026-06-01", null, false)]
    [InlineData("2026-01-01", "2026-06-01", "2026-06-01", "2026-12-31", true)]
    [InlineData("2026-07-01", null, "2026-01-01", "2026-06-30", false)]
    public void Overlaps_InclusiveRanges(string startA, string? endA, string startB, string? endB, bool expected) =>
        Assert.Equal(expected, RepresentationResolver.Overlaps(DateOnly.Parse(startA), endA is null ? null : DateOnly.Parse(endA), DateOnly.Parse(startB), endB is null ? null : DateOnly.Parse(endB)));
}
