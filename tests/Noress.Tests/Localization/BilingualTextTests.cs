using System.Globalization;
using Noress.App.Shared.Localization;

namespace Noress.Tests.Localization;

public sealed class BilingualTextTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo(NoressCultures.French);
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo(NoressCultures.Arabic);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo(NoressCultures.English);

    [Fact]
    public void Order_Arabic_PutsTheArabicNameFirst() =>
        Assert.Equal(["مكتب", "Office"], BilingualText.Order("Office", "مكتب", Arabic).Select(p => p.Text));

    [Fact]
    public void Order_FrenchOrEnglish_PutsTheFrenchNameFirst()
    {
        Assert.Equal(["Office", "مكتب"], BilingualText.Order("Office", "مكتب", French).Select(p => p.Text));
        Assert.Equal(["Office", "مكتب"], BilingualText.Order("Office", "مكتب", English).Select(p => p.Text));
    }

    [Fact]
    public void Order_MissingVariant_LeavesItOut() =>
        Assert.Equal(["Amina Benali"], BilingualText.Order("Amina Benali", null, Arabic).Select(p => p.Text));

    [Fact]
    public void Order_EachPart_CarriesItsLanguageAndDirection()
    {
        var parts = BilingualText.Order("Office", "مكتب", Arabic);

        Assert.Equal(("ar", "rtl"), (parts[0].Lang, parts[0].Dir));
        Assert.Equal(("fr", "ltr"), (parts[1].Lang, parts[1].Dir));
    }

    [Fact]
    public void Preferred_Arabic_IsTheArabicName_ElseTheFrench()
    {
        Assert.Equal("مكتب", BilingualText.Preferred("Office", "مكتب", Arabic));
        Assert.Equal("Office", BilingualText.Preferred("Office", "", Arabic));
        Assert.Equal("Office", BilingualText.Preferred("Office", "مكتب", French));
    }

    [Fact]
    public void Isolate_UserText_IsWrappedInFirstStrongIsolateWithoutItsOwnControls() =>
        Assert.Equal("\u2068abc\u2069", PeopleText.Isolate("a\u202Ebc"));

    [Fact]
    public void Isolate_Empty_IsEmpty() => Assert.Equal(string.Empty, PeopleText.Isolate(null));
}
