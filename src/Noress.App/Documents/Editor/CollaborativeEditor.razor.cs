using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Noress.App.Documents.Editor;

/// <summary>
/// The CodeMirror editor of one document, synchronised through the documents hub by the editor script
/// (Documents/Editor/js); this component mounts it and shows what it reports.
/// </summary>
public sealed partial class CollaborativeEditor
{
    public const string ModulePath = "./_content/Noress.App/js/documents-editor.js";

    // A document may reach 1 MB of UTF-16 text, up to 3 MB of UTF-8.
    private const long MaxTextBytes = 4 * 1024 * 1024;

    private ElementReference host;
    private ElementReference status;
    private IJSObjectReference? module;
    private DotNetObjectReference<CollaborativeEditor>? self;
    private int? handle;
    private bool disposed;
    private string connection = EditorConnection.Connecting;
    private EditorJoinInfo? joined;
    private IReadOnlyList<EditorPresence> people = [];
    private int unacknowledged;
    private string? error;
    private bool suggestionMode;
    private bool hasDraft;
    private bool sending;
    private bool suggestionSent;

    [Parameter, EditorRequired]
    public Guid DocumentId { get; set; }

    /// <summary>The person's right as the page loaded it; the hub's answer to Join replaces it.</summary>
    [Parameter]
    public EditorRight Right { get; set; } = EditorRight.Read;

    /// <summary>Receives the whole text after changes (debounced by the script), e.g. for the live preview.</summary>
    [Parameter]
    public EventCallback<string> TextChanged { get; set; }

    /// <summary>Raised after a suggestion was sent, so a suggestions list can refresh.</summary>
    [Parameter]
    public EventCallback SuggestionSent { get; set; }

    /// <summary>Raised when the hub reports a right other than the one the editor had (at join or after a rights change).</summary>
    [Parameter]
    public EventCallback<EditorRight> RightChanged { get; set; }

    /// <summary>Raised when the document's comment threads or suggestions changed (by anyone, on any node).</summary>
    [Parameter]
    public EventCallback AnnotationsChanged { get; set; }

    private EditorRight EffectiveRight =>
        joined?.Right is { } right && Enum.TryParse<EditorRight>(right, out var parsed) ? parsed : Right;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            self = DotNetObjectReference.Create(this);
            var settings = DocumentSettings.Value;
            // JSON text, not an object: the circuit's JS runtime keeps no metadata of its own for it (ADR 0062).
            var options = EditorJson.Serialize(new EditorMountOptions(
                DocumentId,
                suggestionMode,
                T["Editor.Label"].Value,
                T["Editor.SuggestedBy"].Value,
                // The script shows these itself (see the status line in the markup) and must match the hub's timing.
                new Dictionary<string, string>
                {
                    [EditorConnection.Connecting] = T["Editor.Connection.connecting"],
                    [EditorConnection.Connected] = T["Editor.Connection.connected"],
                    [EditorConnection.Reconnecting] = T["Editor.Connection.reconnecting"],
                    [EditorConnection.Disconnected] = T["Editor.Connection.disconnected"],
                    ["tooLarge"] = T["Editor.TooLarge"],
                    ["syncFailed"] = T["Editor.SyncFailed"],
                },
                settings.KeepAliveSeconds * 1000,
                settings.ServerTimeoutSeconds * 1000));
            handle = await module.InvokeAsync<int>("mount", host, self, options, status);
            if (disposed)
            {
                await module.InvokeVoidAsync("dispose", handle);
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away while mounting: nothing to show any more.
        }
        catch (JSException)
        {
            connection = EditorConnection.Disconnected;
            error = T["Editor.MountFailed"];
        }

        StateHasChanged();
    }

    /// <summary>The editor joined the document: an <see cref="EditorJoinInfo"/> as JSON text (ADR 0062).</summary>
    [JSInvokable]
    public Task OnJoined(string info) => OnJoinedAsync(EditorJson.Deserialize<EditorJoinInfo>(info));

    private Task OnJoinedAsync(EditorJoinInfo info) => InvokeAsync(async () =>
    {
        var before = EffectiveRight;
        joined = info;
        StateHasChanged();
        if (EffectiveRight != before)
        {
            // Shared or unshared while open: the page's own tools (share, suggestions, comment) follow.
            await RightChanged.InvokeAsync(EffectiveRight);
        }
    });

    [JSInvokable]
    public Task OnConnectionChanged(string state) => InvokeAsync(() =>
    {
        connection = state;
        StateHasChanged();
    });

    /// <summary>The others in the document: <see cref="EditorPresence"/>s as JSON text (ADR 0062).</summary>
    [JSInvokable]
    public Task OnPresenceChanged(string presence) => InvokeAsync(() =>
    {
        people = EditorJson.Deserialize<EditorPresence[]>(presence);
        StateHasChanged();
    });

    [JSInvokable]
    public Task OnUnacknowledgedEdits(int count) => InvokeAsync(() =>
    {
        unacknowledged = count;
        StateHasChanged();
    });

    /// <summary>A refusal from the hub (already localized) or, when null, a failure of the connection.</summary>
    [JSInvokable]
    public Task OnError(string? message) => InvokeAsync(() =>
    {
        error = string.IsNullOrWhiteSpace(message) ? T["Editor.SyncFailed"] : message;
        StateHasChanged();
    });

    /// <summary>Pushes go through again after a reported failure: the failure no longer holds.</summary>
    [JSInvokable]
    public Task OnSynced() => InvokeAsync(() =>
    {
        error = null;
        StateHasChanged();
    });

    [JSInvokable]
    public Task OnAnnotationsChanged() => InvokeAsync(() => AnnotationsChanged.InvokeAsync());

    [JSInvokable]
    public Task OnSuggestionDraftChanged(bool draft) => InvokeAsync(() =>
    {
        hasDraft = draft;
        StateHasChanged();
    });

    [JSInvokable]
    public async Task OnTextChanged()
    {
        if (!TextChanged.HasDelegate || await GetTextAsync() is not { } text)
        {
            return;
        }

        await InvokeAsync(() => TextChanged.InvokeAsync(text));
    }

    /// <summary>The editor's whole text, with what is being typed; null before the editor is mounted.</summary>
    public async Task<string?> GetTextAsync()
    {
        if (module is null || handle is null)
        {
            return null;
        }

        // The text goes as a stream: a large document does not fit in one circuit message.
        var reference = await module.InvokeAsync<IJSStreamReference?>("getTextBytes", handle);
        if (reference is null)
        {
            return null;
        }

        await using var stream = await reference.OpenReadStreamAsync(MaxTextBytes);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>The main selection in the text of the version the server acknowledged; null before the editor is mounted.</summary>
    public async Task<EditorSelection?> GetSelectionAsync() =>
        module is not null && handle is not null ? await module.InvokeAsync<EditorSelection>("getSelection", handle) : null;

    private async Task SetSuggestionModeAsync(bool value)
    {
        suggestionMode = value;
        if (module is not null && handle is not null)
        {
            await module.InvokeVoidAsync("setSuggestionMode", handle, value);
        }
    }

    private async Task SendSuggestionAsync()
    {
        if (module is null || handle is null)
        {
            return;
        }

        sending = true;
        try
        {
            var result = await module.InvokeAsync<EditorSuggestionResult>("sendSuggestion", handle);
            if (result.Accepted)
            {
                suggestionSent = true;
                error = null;
                await SuggestionSent.InvokeAsync();
            }
            else
            {
                error = result.Error ?? T["Editor.SuggestionFailed"];
            }
        }
        finally
        {
            sending = false;
        }
    }

    private async Task DiscardSuggestionAsync()
    {
        if (module is not null && handle is not null)
        {
            await module.InvokeVoidAsync("discardSuggestion", handle);
        }
    }

    private async Task RestoreAsync()
    {
        if (module is not null && handle is not null)
        {
            await module.InvokeAsync<int>("restorePending", handle);
        }
    }

    private async Task DiscardAsync()
    {
        if (module is not null && handle is not null)
        {
            await module.InvokeVoidAsync("discardPending", handle);
        }
    }

    // MudSwitch's classes for a secondary switch of medium size, checked or not.
    private string SwitchClass => suggestionMode
        ? "mud-button-root mud-icon-button mud-switch-base mud-ripple mud-ripple-switch mud-secondary-text hover:mud-secondary-hover mud-checked mud-switch-base-medium"
        : "mud-button-root mud-icon-button mud-switch-base mud-ripple mud-ripple-switch mud-default-text hover:mud-default-hover mud-switch-base-medium";

    private static string ChipStyle(string? color) =>
        EditorColors.IsSafe(color) ? $"background-color: {color}; color: #fff;" : string.Empty;

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        try
        {
            if (module is not null)
            {
                if (handle is not null)
                {
                    await module.InvokeVoidAsync("dispose", handle);
                }

                await module.DisposeAsync();
            }
        }
        catch (Exception e) when (e is JSDisconnectedException or JSException or OperationCanceledException)
        {
            // The browser is gone or going (a closed tab answers nothing); its editor went with it (unacknowledged edits
            // stay in its local storage). Whatever the script said, the circuit must still let go of this component.
        }
        finally
        {
            self?.Dispose();
        }
    }
}
