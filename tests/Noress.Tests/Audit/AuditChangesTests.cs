using Bunit;
using Noress.App.Audit;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Audit;

public sealed class AuditChangesTests : NoressTestContext
{
    [Fact]
    public void Render_ValueWithRightToLeftOverride_ShowsTheControlAsItsCode()
    {
        var changes = new[] { new AuditFieldChange("FileName", "scan.pdf", "evil\u202Etxt.exe") };

        var cut = RenderPage<AuditChanges>(p => p.Add(x => x.Changes, changes));

        var cells = cut.FindAll("[data-testid=audit-changes] tbody td bdi");
        Assert.Equal("scan.pdf", cells[1].TextContent);
        Assert.Equal("evil⟨U+202E⟩txt.exe", cells[2].TextContent);
        Assert.DoesNotContain('\u202E', cut.Markup);
    }
}
