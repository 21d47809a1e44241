using Bunit;
using Noress.App.Calls;
using Noress.App.Calls.Pages;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Calls;

/// <summary>The form renderer draws what the call defines, and the checklist follows the draft as the applicant types.</summary>
public sealed class ApplicationFormTests : NoressTestContext
{
    private static readonly CallFormField Summary = new() { Position = 0, Kind = FormFieldKind.Text, LabelFr = "Résumé", LabelAr = "ملخص", Required = true, MaxLength = 500 };
    private static readonly CallFormField Sector = new() { Position = 1, Kind = FormFieldKind.Choice, LabelFr = "Filière", LabelAr = "السلسلة", ChoicesFr = "Agriculture\nArtisanat", ChoicesAr = "الفلاحة\nالصناعة التقليدية" };
    private static readonly CallFormField Budget = new() { Position = 2, Kind = FormFieldKind.BudgetTable, LabelFr = "Budget", LabelAr = "الميزانية", Required = true };
    private static readonly CallFormField Statutes = new() { Position = 3, Kind = FormFieldKind.Files, LabelFr = "Statuts", LabelAr = "القانون الأساسي", Required = true };

    [Fact]
    public void Form_RendersOneBlockPerField_InTheCallsOrder()
    {
        var cut = RenderPage<ApplicationForm>(p => p
            .Add(c => c.Fields, [Summary, Sector, Budget, Statutes])
            .Add(c => c.Draft, new ApplicationDraft { Title = "Projet" }));

        var kinds = cut.FindAll("[data-testid=call-field]").Select(f => f.GetAttribute("data-kind"));
        Assert.Equal(["Text", "Choice", "BudgetTable", "Files"], kinds);
        Assert.Contains("Résumé *", cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=budget-table]"));
        Assert.NotNull(cut.Find("[data-testid=file-input]"));
    }

    [Fact]
    public void BudgetTable_AddsLinesAndComputesTotals_AndReportsEachChange()
    {
        var draft = new ApplicationDraft
        {
            Title = "Projet",
            BudgetLines = [new BudgetLineInput { FieldId = Budget.Id, Label = "Équipement", Requested = 40_000m, OwnContribution = 10_000m }],
        };
        var changes = 0;
        var cut = RenderPage<ApplicationForm>(p => p
            .Add(c => c.Fields, [Budget])
            .Add(c => c.Draft, draft)
            .Add(c => c.Changed, () => changes++));

        Assert.Contains("20", cut.Find("[data-testid=budget-share]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=budget-add] button, button[data-testid=budget-add]").Click();

        Assert.Equal(1, changes);
        Assert.Equal(2, draft.BudgetLines.Count);
        Assert.Equal(2, cut.FindAll("[data-testid=budget-line]").Count);
    }

    [Fact]
    public void ReadOnly_OffersNoAddButtonNorUpload()
    {
        var cut = RenderPage<ApplicationForm>(p => p
            .Add(c => c.Fields, [Budget, Statutes])
            .Add(c => c.Draft, new ApplicationDraft { Title = "Projet" })
            .Add(c => c.ReadOnly, true));

        Assert.Empty(cut.FindAll("[data-testid=budget-add]"));
        Assert.Empty(cut.FindAll("[data-testid=file-input]"));
    }

    [Fact]
    public void Checklist_ShowsEachRulePassedOrNot_FromTheDraftsFigures()
    {
        var parameters = new CallEligibility { MaxRequestedAmount = 60_000m, MinOwnContributionPercent = 20m };
        var facts = new EligibilityFacts(true, true, 0, 0m, 0m, []);
        var checks = EligibilityRules.Evaluate(parameters, facts with { Requested = 70_000m, OwnContribution = 20_000m }, requiresDocuments: false);

        var cut = RenderPage<EligibilityChecklist>(p => p.Add(c => c.Checks, checks));

        var lines = cut.FindAll("[data-testid=call-check]");
        Assert.Equal(2, lines.Count);
        Assert.Equal(("RequestedAmountCap", "false"), (lines[0].GetAttribute("data-rule"), lines[0].GetAttribute("data-passed")));
        Assert.Equal(("OwnContributionShare", "true"), (lines[1].GetAttribute("data-rule"), lines[1].GetAttribute("data-passed")));
        Assert.Contains("60", lines[0].TextContent, StringComparison.Ordinal);
    }
}
