using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Noress.App.Accounts;

/// <summary>
/// A password field that binds like <see cref="InputText"/> but never writes its value back into the
/// page: a form re-rendered after a failed post (wrong password, validation error) must not carry the
/// password in its HTML.
/// </summary>
public sealed class PasswordInput : InputText
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "password");
        if (!string.IsNullOrEmpty(NameAttributeValue))
        {
            builder.AddAttribute(3, "name", NameAttributeValue);
        }

        if (!string.IsNullOrEmpty(CssClass))
        {
            builder.AddAttribute(4, "class", CssClass);
        }

        builder.AddAttribute(5, "value", string.Empty);
        builder.AddAttribute(6, "onchange", EventCallback.Factory.CreateBinder<string?>(this, value => CurrentValueAsString = value, string.Empty));
        builder.SetUpdatesAttributeName("value");
        builder.AddElementReferenceCapture(7, reference => Element = reference);
        builder.CloseElement();
    }
}
