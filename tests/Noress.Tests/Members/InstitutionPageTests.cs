using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Uploads;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Members;

/// <summary>
/// The institution page shows its display-only parts as plain markup and renders each editing form only once opened
/// (ADR 0054): what a secretariat can do stays, an idle circuit holds no date picker, select or upload.
/// </summary>
public sealed class InstitutionPageTests : NoressTestContext
{
    [Fact]
    public async Task Secretariat_FormsAreFoldedUntilOpened()
    {
        var cut = await RenderAsync(Roles.Secretariat);

        Assert.Empty(cut.FindComponents<MudDatePicker>());
        Assert.Empty(cut.FindComponents<MudSelect<MembershipStatus>>());
        Assert.Empty(cut.FindAll("[data-testid=status-change], [data-testid=mandate-add]"));
        Assert.Equal("false", cut.Find("[data-testid=status-open]").GetAttribute("aria-expanded"));

        cut.Find("[data-testid=status-open]").Click();
        Assert.Equal("true", cut.Find("[data-testid=status-open]").GetAttribute("aria-expanded"));
        Assert.Single(cut.FindComponents<MudSelect<MembershipStatus>>());
        cut.Find("#status-form [data-testid=status-change]");

        cut.Find("[data-testid=mandate-open]").Click();
        cut.Find("#mandate-form [data-testid=mandate-add]");
        Assert.Equal(3, cut.FindComponents<MudDatePicker>().Count);

        cut.Find("[data-testid=status-open]").Click();
        Assert.Empty(cut.FindComponents<MudSelect<MembershipStatus>>());
    }

    [Fact]
    public async Task Secretariat_InvitesThenOpensTheSignatureSteps()
    {
        var cut = await RenderAsync(Roles.Secretariat);

        cut.Find("[data-testid=mou-invite]").Click();
        cut.WaitForAssertion(() => Assert.Equal(Texts("Mou.Status.Invited"), cut.Find("[data-testid=mou-status]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=mou-scan-upload]"));

        cut.Find("[data-testid=mou-open]").Click();
        cut.Find("#mou-form [data-testid=mou-move-Signed]");
        cut.Find("#mou-form [data-testid=mou-scan-upload]");
    }

    [Fact]
    public async Task Member_SeesTheInstitutionWithoutEditingTools()
    {
        var cut = await RenderAsync(Roles.Member);

        Assert.Equal("ODCO", cut.Find("[data-testid=institution-acronym]").TextContent);
        Assert.Equal(Texts("Status.Active"), cut.Find("[data-testid=status-chip]").TextContent);
        Assert.Contains(UserName, cut.Find("[data-testid=institution-person]").TextContent, StringComparison.Ordinal);
        Assert.Equal(new string?[] { "fr", "ar" }, cut.FindAll("[data-name]").Select(e => e.GetAttribute("lang")).ToArray());
        Assert.Empty(cut.FindAll("[data-testid=institution-edit], [data-testid=status-open], [data-testid=mandate-open], [data-testid=mou-invite], [data-testid=mandate-end]"));
    }

    [Fact]
    public async Task Render_WithMarkerLocalizer_HasOnlyLocalizedTextBesideData()
    {
        UseMarkerLocalizer();
        var cut = await RenderAsync(Roles.Secretariat);
        cut.Find("[data-testid=status-open]").Click();
        cut.Find("[data-testid=mandate-open]").Click();

        var problems = UnlocalizedTextChecker.Find(cut.Markup, "ODCO", "Office du développement de la coopération", "مكتب تنمية التعاون", UserName);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Arabic_PutsTheArabicNameFirst()
    {
        UseCulture(NoressCultures.Arabic);

        var cut = await RenderAsync(Roles.Member);

        var names = cut.FindAll("[data-name]");
        Assert.Equal(new string?[] { "ar", "fr" }, names.Select(e => e.GetAttribute("lang")).ToArray());
        Assert.Equal("rtl", names[0].GetAttribute("dir"));
        Assert.Contains("mud-text-secondary", names[1].ClassName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MembershipStatus.Active, Color.Success)]
    [InlineData(MembershipStatus.Suspended, Color.Warning)]
    [InlineData(MembershipStatus.Withdrawn, Color.Default)]
    public void StatusChip_HasMudChipsClasses(MembershipStatus status, Color color)
    {
        var plain = Render(StatusChip.Chip(status, "X"));
        var mud = Render(Chip(color, Variant.Outlined, null));

        Assert.Equal(mud.Find(".mud-chip").GetAttribute("class"), plain.Find(".mud-chip").GetAttribute("class"));
        Assert.Equal(mud.Find(".mud-chip-container").ClassName, plain.Find(".mud-chip-container").ClassName);
    }

    [Fact]
    public void Markup_HasMudBlazorsClasses()
    {
        Assert.Equal(
            Render(Chip(Color.Default, Variant.Filled, "ms-2")).Find(".mud-chip").GetAttribute("class"),
            MembersMarkup.Chip("default", extra: "ms-2"));
        Assert.Equal(
            Render(Button(Variant.Outlined, Size.Medium, "mt-2")).Find(".mud-button-root").GetAttribute("class"),
            MembersMarkup.Button("outlined", extra: "mt-2"));
        Assert.Equal(
            Render(Button(Variant.Text, Size.Small, null)).Find(".mud-button-root").GetAttribute("class"),
            MembersMarkup.Button("text", "small"));
        Assert.Equal(
            Render(b =>
            {
                b.OpenComponent<MudIcon>(0);
                b.AddAttribute(1, nameof(MudIcon.Icon), Icons.Material.Filled.Person);
                b.CloseComponent();
            }).Find("svg").OuterHtml,
            Render(b => b.AddContent(0, MembersMarkup.Icon(Icons.Material.Filled.Person))).Find("svg").OuterHtml);
    }

    private static RenderFragment Chip(Color color, Variant variant, string? cssClass) => b =>
    {
        b.OpenComponent<MudChip<string>>(0);
        b.AddAttribute(1, nameof(MudChip<string>.Size), Size.Small);
        b.AddAttribute(2, nameof(MudChip<string>.Variant), variant);
        b.AddAttribute(3, nameof(MudChip<string>.Color), color);
        b.AddAttribute(4, nameof(MudChip<string>.Class), cssClass);
        b.AddAttribute(5, nameof(MudChip<string>.ChildContent), (RenderFragment)(c => c.AddContent(0, "X")));
        b.CloseComponent();
    };

    private static RenderFragment Button(Variant variant, Size size, string? cssClass) => b =>
    {
        b.OpenComponent<MudButton>(0);
        b.AddAttribute(1, nameof(MudButton.Variant), variant);
        b.AddAttribute(2, nameof(MudButton.Size), size);
        b.AddAttribute(3, nameof(MudButton.Class), cssClass);
        b.AddAttribute(4, nameof(MudButton.ChildContent), (RenderFragment)(c => c.AddContent(0, "X")));
        b.CloseComponent();
    };

    private string Texts(string key) =>
        Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<MembersText>>()[key];

    private async Task<IRenderedComponent<InstitutionPage>> RenderAsync(string role)
    {
        var database = await UseDatabaseAsync();
        await database.AddPersonAsync(UserId, UserName);
        Services.AddScoped<MembersAccess>();
        Services.AddSingleton(new UploadStorage(Options.Create(new StorageOptions { Root = Path.GetTempPath() }), Path.GetTempPath()));
        Services.AddSingleton<UploadScanner>();
        Services.AddScoped<InstitutionService>();
        Services.AddScoped<RepresentativeService>();
        Services.AddScoped<MouService>();
        await SignInAsAsync(role);
        var cut = RenderPage<InstitutionPage>(p => p.Add(x => x.Key, "ODCO"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=institution-acronym]"));
        return cut;
    }
}
