using Noress.App.Sessions.RulesOfProcedure;

namespace Noress.Tests.Sessions;

public sealed class RulesTextTests
{
    private static readonly RulesArticle Seven = new() { Number = "Art. 7", Position = 700, TitleFr = "Convocation", TitleAr = "الدعوة" };
    private static readonly RulesArticle Nine = new() { Number = "Art. 9", Position = 900, TitleFr = "Quorum", TitleAr = "النصاب" };
    private static readonly RulesArticle SevenBis = new() { Number = "Art. 7 bis", Position = 701, TitleFr = "Visioconférence", TitleAr = "التناظر المرئي" };

    private static readonly RulesArticleVersion[] Versions =
    [
        Version(Seven, "2015-03-18", "Deux fois par an."),
        Version(Seven, "2027-01-01", "Trois fois par an."),
        Version(Nine, "2015-03-18", "La moitié."),
        Version(Nine, "2026-06-01", string.Empty, repealed: true),
        Version(SevenBis, "2026-06-01", "À distance."),
    ];

    [Theory]
    [InlineData("2015-03-17", "")]
    [InlineData("2015-03-18", "Art. 7=Deux fois par an.|Art. 9=La moitié.")]
    [InlineData("2026-05-31", "Art. 7=Deux fois par an.|Art. 9=La moitié.")]
    [InlineData("2026-06-01", "Art. 7=Deux fois par an.|Art. 7 bis=À distance.")]
    [InlineData("2026-12-31", "Art. 7=Deux fois par an.|Art. 7 bis=À distance.")]
    [InlineData("2027-01-01", "Art. 7=Trois fois par an.|Art. 7 bis=À distance.")]
    public void InForce_OnADate_EachArticlesVersionOfThatDay_RepealedAndFutureLeftOut(string date, string expected)
    {
        var inForce = RulesText.InForce([Nine, SevenBis, Seven], Versions, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, string.Join('|', inForce.Select(a => $"{a.Article.Number}={a.Version.TextFr}")));
    }

    [Fact]
    public void History_OldestFirst_EachSupersededByTheNextDate()
    {
        var history = RulesText.History(Versions.Where(v => v.ArticleId == Seven.Id).Reverse());

        Assert.Equal(["Deux fois par an.", "Trois fois par an."], history.Select(h => h.Version.TextFr));
        Assert.Equal([new DateOnly(2027, 1, 1), (DateOnly?)null], history.Select(h => h.SupersededOn));
    }

    [Fact]
    public void InForceAndHistory_RevokedVersion_IsNotInForce_ListedButSupersedesNothing()
    {
        var revoked = Version(Seven, "2026-06-01", "Quatre fois par an.");
        revoked.RevokedAt = new DateTime(2026, 5, 20, 0, 0, 0, DateTimeKind.Utc);
        var versions = Versions.Where(v => v.ArticleId == Seven.Id).Append(revoked).ToList();

        var inForce = RulesText.InForce([Seven], versions, new DateOnly(2026, 6, 2));
        var history = RulesText.History(versions);

        Assert.Equal("Deux fois par an.", Assert.Single(inForce).Version.TextFr);
        Assert.Equal(["Deux fois par an.", "Quatre fois par an.", "Trois fois par an."], history.Select(h => h.Version.TextFr));
        Assert.Equal([new DateOnly(2027, 1, 1), (DateOnly?)null, null], history.Select(h => h.SupersededOn));
        // The next standing version reads against the last one standing, not against the revoked one.
        Assert.Equal("Deux fois par an.", RulesText.Previous(history, 2)?.TextFr);
    }

    [Theory]
    [InlineData("La plénière se réunit deux fois par an.", "La plénière se réunit trois fois par an.", "=La plénière se réunit |-deux |+trois |=fois par an.")]
    [InlineData("Texte identique.", "Texte identique.", "=Texte identique.")]
    [InlineData("", "Nouveau texte.", "+Nouveau texte.")]
    [InlineData("Ancien texte.", "", "-Ancien texte.")]
    [InlineData("يتداول الجمع العام بحضور النصف.", "يتداول الجمع العام بحضور الثلثين.", "=يتداول الجمع العام بحضور |-النصف.|+الثلثين.")]
    public void Diff_WordLevel_MarksOnlyTheChangedWords(string before, string after, string expected)
    {
        var pieces = RulesText.Diff(before, after);

        Assert.Equal(expected, string.Join('|', pieces.Select(p => (p.Change switch { WordChange.Inserted => "+", WordChange.Deleted => "-", _ => "=" }) + p.Text)));
        Assert.Equal(before, string.Concat(pieces.Where(p => p.Change != WordChange.Inserted).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(pieces.Where(p => p.Change != WordChange.Deleted).Select(p => p.Text)));
    }

    [Theory]
    [InlineData("19", "Art. 19", "19", 1900)]
    [InlineData("Art. 11", "Art. 11", "11", 1100)]
    [InlineData("article 11 BIS", "Art. 11 bis", "11-bis", 1101)]
    [InlineData("Art.7 ter", "Art. 7 ter", "7-ter", 702)]
    public void Normalize_AcceptsTheUsualSpellings_AndGivesSlugAndPosition(string input, string number, string slug, int position)
    {
        Assert.Equal(number, RulesText.Normalize(input));
        Assert.Equal(slug, RulesText.Slug(number));
        Assert.Equal(position, RulesText.PositionOf(number));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Art. onze")]
    [InlineData("1234")]
    [InlineData("11 quinquies")]
    public void Normalize_NotANumber_Null(string input) => Assert.Null(RulesText.Normalize(input));

    private static RulesArticleVersion Version(RulesArticle article, string from, string text, bool repealed = false) => new()
    {
        ArticleId = article.Id,
        TextFr = text,
        TextAr = text,
        Repealed = repealed,
        EffectiveFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        AmendmentId = from == "2015-03-18" ? null : Guid.NewGuid(),
    };
}
