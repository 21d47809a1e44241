using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Noress.App.Shared.Layout;

/// <summary>
/// Blazor's FocusOnNavigate, except on the first page of a visit: after an in-app navigation the new page's h1 takes
/// the focus (a screen reader announces the page), but a page just loaded keeps the browser's own starting point, so
/// the first Tab reaches the skip link. The heading's focus style is in app.css.
/// </summary>
public sealed class FocusHeadingOnNavigate : ComponentBase
{
    private Type? shownPage;
    private bool focusAfterRender;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public RouteData RouteData { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (RouteData.PageType == shownPage)
        {
            return;
        }

        focusAfterRender = shownPage is not null;
        shownPage = RouteData.PageType;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusAfterRender)
        {
            focusAfterRender = false;
            await JS.InvokeVoidAsync("noressFocusHeading");
        }
    }
}
