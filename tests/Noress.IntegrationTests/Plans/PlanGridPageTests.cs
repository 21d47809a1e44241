using System.Net;
using Noress.App.Plans;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;
using Noress.IntegrationTests.Sessions;

namespace Noress.IntegrationTests.Plans;

/// <summary>The plan pages over HTTP: a member reads the grid without editing it; the evidence download checks the reader.</summary>
public sealed class PlanGridPageTests
{
    [Fact]
    public async Task GridPage_ForAMemberWhoMayNotEdit_RendersTheRowsReadOnly()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var (planId, axisId) = await PlanAsync(host);
        var client = await host.Factory.CreateSignedInClientAsync("member@noress.demo");

        var response = await client.GetAsync($"/action-plans/{planId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"plan-grid\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-row-id=\"{axisId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Maison commune ESS", html, StringComparison.Ordinal);
        // Read-only is said once, on the grid (ADR 0045), and no cell says otherwise.
        Assert.Matches("aria-readonly=\"true\"[^>]*data-testid=\"plan-grid\"", html);
        Assert.DoesNotMatch("<td role=\"gridcell\"[^>]*aria-readonly=\"false\"", html);
        Assert.DoesNotContain("plan-add-axis", html, StringComparison.Ordinal);

        var list = await client.GetStringAsync("/action-plans");
        Assert.Contains($"action-plans/{planId}", list, StringComparison.Ordinal);
        Assert.DoesNotContain("plans-create", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditItemAsync_ByAMemberWhoMayNotEdit_IsRefusedAndChangesNothing()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var (planId, axisId) = await PlanAsync(host);
        var member = await host.PrincipalAsync("member@noress.demo");
        var row = (await host.WithAsync<PlanService, PlanView?>(s => s.LoadAsync(member, planId, default)))!.Row(axisId)!;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.WithAsync<PlanService, Outcome<PlanEditResult>>(s =>
            s.EditItemAsync(member, axisId, row.Version, [FieldEdit.Of(PlanField.TitleFr, row.TitleFr, "Autre")], default)));

        var after = (await host.WithAsync<PlanService, PlanView?>(s => s.LoadAsync(member, planId, default)))!.Row(axisId)!;
        Assert.Equal("Maison commune ESS", after.TitleFr);
    }

    [Fact]
    public async Task EvidenceDownload_UnknownOrAnonymous_IsNotServed()
    {
        await using var host = await SessionsTestHost.StartAsync();
        var member = await host.Factory.CreateSignedInClientAsync("member@noress.demo");
        var anonymous = host.Factory.CreateAnonymousClient();

        var unknown = await member.GetAsync($"/action-plans/evidence/{Guid.NewGuid()}");
        var signedOut = await anonymous.GetAsync($"/action-plans/evidence/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
    }

    private static async Task<(Guid PlanId, Guid AxisId)> PlanAsync(SessionsTestHost host)
    {
        var planId = await host.WithAsync<PlanService, Guid?>(s => s.FindAsync(PlanKind.Strategic, null, default))
            ?? SessionsTestHost.Ok(await host.WithAsync<PlanService, Outcome<Guid>>(s => s.CreatePlanAsync(host.Secretariat, PlanKind.Strategic, null, "Plan stratégique", "المخطط الاستراتيجي", null, default)));
        var axisId = Guid.NewGuid();
        SessionsTestHost.Ok(await host.WithAsync<PlanService, Outcome<Guid>>(s =>
            s.AddItemAsync(host.Secretariat, planId, new NewPlanItem(axisId, null, PlanItemKind.Axis, "Maison commune ESS", "دار الاقتصاد الاجتماعي"), default)));
        return (planId, axisId);
    }
}
