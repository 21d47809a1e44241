using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Noress.App.Accounts;
using Noress.App.Administration;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Shell;

public sealed class AdministrationIndexTests : NoressTestContext
{
    /// <summary>Every page of the administration area, and every other page only the secretariat may open.</summary>
    public static TheoryData<string> SecretariatPages()
    {
        var data = new TheoryData<string>();
        var pages = typeof(AdministrationIndex).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Type: t, r.Template)))
            .Where(p => !p.Template.Contains('{', StringComparison.Ordinal) && p.Template != "/administration")
            .Where(p => p.Template.StartsWith("/administration/", StringComparison.Ordinal)
                || p.Type.GetCustomAttributes<AuthorizeAttribute>().Any(a => a.Policy == Policies.Secretariat));
        foreach (var template in pages.Select(p => p.Template).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(template);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SecretariatPages))]
    public async Task Render_Administrator_LinksEverySecretariatTool(string page)
    {
        await SignInAsAsync(Roles.Administrator);

        var cut = RenderPage<AdministrationIndex>();

        Assert.NotNull(cut.Find($"a[href='{page}']"));
    }

    [Fact]
    public async Task Render_Secretariat_ListsItsToolsButNotTheAdministratorsOnes()
    {
        await SignInAsAsync(Roles.Secretariat);

        var cut = RenderPage<AdministrationIndex>();

        foreach (var tool in new[] { "tool-invitations", "tool-new-institution", "tool-mou", "tool-reminders", "tool-outbox", "tool-health" })
        {
            Assert.NotNull(cut.Find($"[data-testid={tool}]"));
        }

        Assert.Empty(cut.FindAll("[data-testid=tool-audit]"));
        Assert.Empty(cut.FindAll("[data-testid=tool-jobs]"));
        Assert.Contains("Inviter une personne", cut.Find("[data-testid=tool-invitations]").TextContent, StringComparison.Ordinal);
    }
}
