using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Committees.Recommendations;
using Noress.App.Documents;
using Noress.App.Shared.Operations;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Committees;

public sealed class ForwardToPlenaryDialogTests : NoressTestContext
{
    private static readonly Guid CommitteeId = Guid.Parse("2b7c1f3e-5a6d-4e8f-9a0b-1c2d3e4f5a6b");
    private static readonly SpaceDocumentItem Roadmap = new(Guid.Parse("7d2e4c1a-3b5f-4a6e-8c9d-0e1f2a3b4c5d"), "Feuille de route", 3, DocumentRight.Edit,
        new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc), false);

    private readonly FakeForwarder forwarder = new();

    public ForwardToPlenaryDialogTests() => Services.AddSingleton<IForwardToPlenary>(forwarder);

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(IReadOnlyList<SpaceDocumentItem> documents, Guid? documentId = null)
    {
        await SignInAsAsync(Roles.Member);
        RenderPage<MudPopoverProvider>();
        var dialogs = RenderPage<MudDialogProvider>();
        var parameters = new DialogParameters<ForwardToPlenaryDialog> { { d => d.CommitteeId, CommitteeId }, { d => d.Documents, documents }, { d => d.DocumentId, documentId } };
        IDialogReference? reference = null;
        await dialogs.InvokeAsync(async () => reference = await Services.GetRequiredService<IDialogService>().ShowAsync<ForwardToPlenaryDialog>("Transmettre", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=forward-submit]"));
        return (dialogs, reference!.Result);
    }

    [Fact]
    public async Task Submit_ADocument_ForwardsItAndClosesWithTheRecommendationId()
    {
        var (dialogs, result) = await OpenAsync([Roadmap], Roadmap.Id);
        Assert.Equal("Feuille de route", dialogs.Find("input[data-testid=forward-title]").GetAttribute("value"));

        await dialogs.Find("button[data-testid=forward-submit]").ClickAsync(new());

        var closed = await result;
        Assert.False(closed!.Canceled);
        Assert.Equal(FakeForwarder.CreatedId, closed.Data);
        var input = Assert.Single(forwarder.Inputs);
        Assert.Equal(new RecommendationInput("Feuille de route", Roadmap.Id, null), input);
    }

    [Fact]
    public async Task Submit_WithoutDocuments_OffersThePlanChange_AndShowsTheServicesRefusal()
    {
        forwarder.Refusal = new Refusal("Error.RecommendationTitle", "Donnez un titre à la recommandation.");
        var (dialogs, _) = await OpenAsync([]);
        Assert.Empty(dialogs.FindAll("[data-testid=forward-document]"));

        dialogs.Find("textarea[data-testid=forward-text]").Input("Ajouter une action de formation.");
        await dialogs.Find("button[data-testid=forward-submit]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("Donnez un titre", dialogs.Find("[data-testid=forward-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(new RecommendationInput(string.Empty, null, "Ajouter une action de formation."), Assert.Single(forwarder.Inputs));
        Assert.NotNull(dialogs.Find("[data-testid=forward-dialog]"));
    }

    [Fact]
    public async Task Cancel_ForwardsNothing()
    {
        var (dialogs, result) = await OpenAsync([Roadmap]);

        await dialogs.Find("button[data-testid=forward-cancel]").ClickAsync(new());

        Assert.True((await result)!.Canceled);
        Assert.Empty(forwarder.Inputs);
    }

    private sealed class FakeForwarder : IForwardToPlenary
    {
        public static readonly Guid CreatedId = Guid.Parse("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d");

        public List<RecommendationInput> Inputs { get; } = [];

        public Refusal? Refusal { get; set; }

        public Task<Outcome<Guid>> ForwardAsync(ClaimsPrincipal caller, Guid committeeId, RecommendationInput input, CancellationToken ct)
        {
            Inputs.Add(input);
            return Task.FromResult(Refusal is { } refusal ? Outcome<Guid>.Refused(refusal) : Outcome<Guid>.Done(CreatedId));
        }
    }
}
