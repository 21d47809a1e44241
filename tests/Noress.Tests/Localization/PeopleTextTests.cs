using Bunit;
using Noress.App.Shared.Layout;
using Noress.App.Shared.Localization;

namespace Noress.Tests.Localization;

public sealed class PeopleTextTests : BunitContext
{
    public static TheoryData<char> BidiControls() =>
        new(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']);

    [Theory]
    [MemberData(nameof(BidiControls))]
    public void Plain_AnyBidiControl_IsRemoved(char control)
    {
        Assert.Equal("evilexe.txt", PeopleText.Plain($"evil{control}exe.txt"));
    }

    [Fact]
    public void Plain_RightToLeftOverrideInAFileName_NoLongerReversesTheExtension()
    {
        // Displayed raw, "evil\u202Etxt.exe" reads "evilexe.txt".
        Assert.Equal("eviltxt.exe", PeopleText.Plain("evil\u202Etxt.exe"));
    }

    [Fact]
    public void Plain_ArabicAndFrenchWithoutControls_IsTheSameString()
    {
        const string Name = "Amina Benali أمينة بنعلي (ONG « Espoir »)";

        Assert.Same(Name, PeopleText.Plain(Name));
        Assert.Null(PeopleText.Plain(null));
    }

    [Theory]
    [MemberData(nameof(BidiControls))]
    public void Visible_AnyBidiControl_IsShownAsItsCode(char control)
    {
        var shown = PeopleText.Visible($"evil{control}exe.txt");

        Assert.Equal($"evil⟨U+{(int)control:X4}⟩exe.txt", shown);
        Assert.DoesNotContain(shown, PeopleText.IsBidiControl);
    }

    [Fact]
    public void Visible_TextWithoutControls_IsTheSameString()
    {
        const string Name = "Coopérative « Al Amal » التعاونية";

        Assert.Same(Name, PeopleText.Visible(Name));
        Assert.Null(PeopleText.Visible(null));
    }

    [Fact]
    public void UserText_IsolatesTheTextAndDropsTheControls()
    {
        var cut = Render<UserText>(p => p.Add(c => c.Text, "Mohamed\u202E\u2066 Alaoui").AddUnmatched("dir", "auto"));

        var bdi = cut.Find("bdi");
        Assert.Equal("Mohamed Alaoui", bdi.TextContent);
        Assert.Equal("auto", bdi.GetAttribute("dir"));
    }
}
