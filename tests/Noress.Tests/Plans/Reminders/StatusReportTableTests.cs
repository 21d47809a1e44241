using Bunit;
using Noress.App.Committees;
using Noress.App.Plans;
using Noress.App.Plans.Reminders;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Plans.Reminders;

/// <summary>The status report's list: each line's owner, committee, due date and progress; one click or a selection goes to the agenda.</summary>
public sealed class StatusReportTableTests : NoressTestContext
{
    private static readonly Committee Financing = new() { Code = "financement", NameFr = "Financement", NameAr = "التمويل", NameEn = "Financing" };

    private static readonly StatusReportLine Late = new(Guid.NewGuid(), Guid.NewGuid(), "Former les coopératives", "تكوين التعاونيات", null, "Youssef Alami",
        Financing, new DateOnly(2026, 11, 30), 40, PlanItemStatus.InProgress, Late: true, OnNextAgenda: false);

    private static readonly StatusReportLine NoOwner = new(Guid.NewGuid(), Guid.NewGuid(), "Ouvrir la maison de l’ESS", "فتح دار الاقتصاد", null, null,
        null, new DateOnly(2026, 12, 1), 10, PlanItemStatus.Planned, Late: true, OnNextAgenda: false);

    private static readonly StatusReportLine Scheduled = Late with { ActionId = Guid.NewGuid(), TitleFr = "Déjà inscrite", OnNextAgenda = true };

    [Fact]
    public void Lines_ShowOwnerCommitteeDueAndProgress_InTheReadersLanguage()
    {
        var cut = RenderPage<StatusReportTable>(p => p
            .Add(c => c.Title, "Actions en retard")
            .Add(c => c.Lines, [Late, NoOwner])
            .Add(c => c.TestId, "report-overdue"));

        var lines = cut.FindAll("[data-testid=report-line]");
        Assert.Equal(2, lines.Count);
        Assert.Contains("Youssef Alami", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Financement", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("30/11/2026", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("40", lines[0].QuerySelector("meter")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.Contains("Aucun responsable", lines[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Plan stratégique", lines[1].TextContent, StringComparison.Ordinal);
        // Without a plenary being prepared, nothing offers the agenda.
        Assert.Empty(cut.FindAll("[data-testid=report-put]"));
    }

    [Fact]
    public void Arabic_ShowsArabicTitlesAndCommittee()
    {
        UseCulture("ar");
        var cut = RenderPage<StatusReportTable>(p => p
            .Add(c => c.Title, "الإجراءات المتأخرة")
            .Add(c => c.Lines, [Late])
            .Add(c => c.TestId, "report-overdue"));

        var line = cut.Find("[data-testid=report-line]").TextContent;
        Assert.Contains("تكوين التعاونيات", line, StringComparison.Ordinal);
        Assert.Contains("التمويل", line, StringComparison.Ordinal);
    }

    [Fact]
    public void OneClick_AndSelection_ReportTheActions_ScheduledLinesOfferNothing()
    {
        var put = new List<IReadOnlyList<Guid>>();
        var cut = RenderPage<StatusReportTable>(p => p
            .Add(c => c.Title, "Actions en retard")
            .Add(c => c.Lines, [Late, NoOwner, Scheduled])
            .Add(c => c.CanPut, true)
            .Add(c => c.OnPut, ids => put.Add(ids))
            .Add(c => c.TestId, "report-overdue"));

        Assert.Equal(2, cut.FindAll("[data-testid=report-put]").Count);
        Assert.Single(cut.FindAll("[data-testid=report-on-agenda]"));
        Assert.Empty(cut.FindAll("[data-testid=report-put-selected]"));

        cut.FindAll("[data-testid=report-put]")[1].Click();
        Assert.Equal([NoOwner.ActionId], put[0]);

        cut.FindAll("[data-testid=report-select]")[0].Change(true);
        cut.FindAll("[data-testid=report-select]")[1].Change(true);
        cut.Find("[data-testid=report-put-selected]").Click();
        Assert.Equal(new[] { Late.ActionId, NoOwner.ActionId }.Order(), put[1].Order());
    }
}
