using Bunit;
using Noress.App.Calls;
using Noress.App.Calls.Pages;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Calls;

/// <summary>The report-date pickers of a call's edit page and the inline long answers of an outside applicant's form.</summary>
public sealed class CallPagesComponentsTests : NoressTestContext
{
    private static readonly CallFormField Story = new() { Position = 0, Kind = FormFieldKind.LongText, LabelFr = "Histoire de l’initiative", LabelAr = "قصة المبادرة", Required = true };

    [Fact]
    public void ReportDueDates_ShowTheDays_TypedDayReported_ClearedReportsNone()
    {
        UseCulture("fr");
        var interim = (DateOnly?)new DateOnly(2027, 3, 31);
        DateOnly? final = null;
        var finalChanges = 0;
        var cut = RenderPage<ReportDueDates>(p => p
            .Add(c => c.Interim, interim)
            .Add(c => c.InterimChanged, d => interim = d)
            .Add(c => c.Final, final)
            .Add(c => c.FinalChanged, d => { final = d; finalChanges++; }));

        Assert.Equal("31/03/2027", Input(cut, "report-interim").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(Input(cut, "report-final").GetAttribute("value")));

        Input(cut, "report-final").Change("30/06/2027");
        Assert.Equal(new DateOnly(2027, 6, 30), final);
        Assert.Equal(1, finalChanges);

        Input(cut, "report-interim").Change(string.Empty);
        Assert.Null(interim);
    }

    [Fact]
    public void ReportDueDates_English_LabelsAndDaysInTheReadersCulture()
    {
        UseCulture("en");
        var cut = RenderPage<ReportDueDates>(p => p.Add(c => c.Interim, new DateOnly(2027, 3, 31)).Add(c => c.Final, new DateOnly(2028, 1, 15)));

        Assert.Contains("Interim report", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2027", Input(cut, "report-interim").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Contains("2028", Input(cut, "report-final").GetAttribute("value"), StringComparison.Ordinal);
    }

    [Fact]
    public void ApplicationForm_InlineLongText_ShowsTheAnswerAndReportsItsChange_NoDocumentLink()
    {
        UseCulture("fr");
        (Guid FieldId, string Text)? changed = null;
        var cut = RenderPage<ApplicationForm>(p => p
            .Add(c => c.Fields, [Story])
            .Add(c => c.Draft, new ApplicationDraft { Title = "Séchoir" })
            .Add(c => c.InlineLongTexts, new Dictionary<Guid, string> { [Story.Id] = "Née en 2019 à Tétouan." })
            .Add(c => c.LongTextChanged, change => changed = change));

        var area = LongText(cut);
        Assert.Equal("Née en 2019 à Tétouan.", area.GetAttribute("value") ?? area.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=long-text-link]"));
        Assert.Contains("Histoire de l’initiative *", cut.Markup, StringComparison.Ordinal);

        LongText(cut).Change("Née en 2019 à Tétouan, douze femmes aujourd’hui.");
        Assert.Equal((Story.Id, "Née en 2019 à Tétouan, douze femmes aujourd’hui."), changed);
    }

    [Fact]
    public void ApplicationForm_InlineLongText_ReadOnlyAfterSubmission_MembersGetTheDocumentLinkInstead()
    {
        var documentId = Guid.NewGuid();
        var readOnly = RenderPage<ApplicationForm>(p => p
            .Add(c => c.Fields, [Story])
            .Add(c => c.Draft, new ApplicationDraft { Title = "Séchoir" })
            .Add(c => c.InlineLongTexts, new Dictionary<Guid, string> { [Story.Id] = "Texte déposé." })
            .Add(c => c.ReadOnly, true));
        var members = RenderPage<ApplicationForm>(p => p
            .Add(c => c.Fields, [Story])
            .Add(c => c.Draft, new ApplicationDraft { Title = "Séchoir" })
            .Add(c => c.LongTexts, new Dictionary<Guid, Guid> { [Story.Id] = documentId }));

        Assert.True(LongText(readOnly).HasAttribute("readonly"));
        Assert.Empty(members.FindAll("textarea"));
        Assert.EndsWith($"documents/{documentId}", members.Find("[data-testid=long-text-link]").GetAttribute("href"), StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement Input<T>(IRenderedComponent<T> cut, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    private static AngleSharp.Dom.IElement LongText(IRenderedComponent<ApplicationForm> cut) =>
        cut.Find("textarea[data-testid=long-text-inline], [data-testid=long-text-inline] textarea");
}
