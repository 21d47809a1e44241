using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Noress.App.Shared.Layout;

/// <summary>
/// MudDialogProvider that renders nothing until the circuit's first dialog: its two cascading values are two components
/// every idle circuit held for nothing (ADR 0059). It subscribes to the dialog service as MudDialogProvider does, so the
/// first dialog is shown as before; from then on it renders exactly what MudDialogProvider renders.
/// </summary>
public sealed class NoressDialogProvider : MudDialogProvider, IDisposable
{
    private bool shown;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    // Subscribed before MudDialogProvider's own handler, so the render that handler asks for already shows the dialog.
    protected override void OnInitialized()
    {
        Dialogs.DialogInstanceAddedAsync += OnDialogAddedAsync;
        base.OnInitialized();
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (shown)
        {
            base.BuildRenderTree(builder);
        }
    }

    private Task OnDialogAddedAsync(IDialogReference dialog)
    {
        shown = true;
        return Task.CompletedTask;
    }

    void IDisposable.Dispose()
    {
        Dialogs.DialogInstanceAddedAsync -= OnDialogAddedAsync;
        Dispose();
    }
}
