using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Documents.Editor;
using Noress.App.Shared.Operations;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Documents;

public sealed class DocumentPageTests : NoressTestContext
{
    private const string Title = "Règlement intérieur";
    private static readonly Guid DocumentId = Guid.Parse("3b0e5c1a-6d2f-4e8b-9a71-0c5d2e4f6a81");

    private readonly FakeEditorData data = new();

    private async Task<BunitJSModuleInterop> ArrangeAsync(EditorRight right, string role = Roles.Secretariat)
    {
        data.Document = new EditorDocument(DocumentId, Title, "# Titre\n\nمرحبا", 4, right);
        Services.AddSingleton<IDocumentEditorData>(data);
        await SignInAsAsync(role);
        var module = JSInterop.SetupModule(CollaborativeEditor.ModulePath);
        module.Setup<int>("mount", _ => true).SetResult(7);
        return module;
    }

    [Fact]
    public async Task Render_WithEditRight_MountsTheEditorOnTheDocument()
    {
        var module = await ArrangeAsync(EditorRight.Edit);

        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=collaborative-editor]").GetAttribute("data-mounted")));
        var mount = module.VerifyInvoke("mount");
        var options = JsonSerializer.Deserialize<JsonElement>(Assert.IsType<string>(mount.Arguments[2]));
        Assert.Equal(DocumentId, options.GetProperty("documentId").GetGuid());
        Assert.False(options.GetProperty("suggestionMode").GetBoolean());
        Assert.IsType<DotNetObjectReference<CollaborativeEditor>>(mount.Arguments[1]);
        // The editor's timing matches the hub's (ADR 0010), and it gets the localized status texts it shows itself.
        var settings = new DocumentOptions();
        Assert.Equal(settings.KeepAliveSeconds * 1000, options.GetProperty("keepAliveMilliseconds").GetInt32());
        Assert.Equal(settings.ServerTimeoutSeconds * 1000, options.GetProperty("serverTimeoutMilliseconds").GetInt32());
        Assert.Equal("Reconnexion… vos modifications sont gardées", options.GetProperty("texts").GetProperty("reconnecting").GetString());
        Assert.False(string.IsNullOrEmpty(options.GetProperty("texts").GetProperty("tooLarge").GetString()));
        Assert.IsType<ElementReference>(mount.Arguments[3]);
        Assert.Equal(Title, cut.Find("[data-testid=document-title]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=editor-readonly]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=suggestion-mode]"));
        // The preview is rendered when asked for (ADR 0058): from the editor's text, here from the saved one.
        Assert.Empty(cut.FindAll("[data-testid=document-preview]"));
        await cut.Find("button[data-testid=document-layout-split]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("<h1>Titre</h1>", cut.Find("[data-testid=document-preview]").InnerHtml, StringComparison.Ordinal));
        Assert.Equal("true", cut.Find("button[data-testid=document-layout-split]").GetAttribute("aria-pressed"));
        await cut.Find("button[data-testid=document-layout-editor]").ClickAsync(new());
        Assert.Empty(cut.FindAll("[data-testid=document-preview]"));
    }

    [Fact]
    public async Task Render_WithTheSplitView_ShowsThePreviewAndTheSwitchSetsSuggestionMode()
    {
        var module = await ArrangeAsync(EditorRight.Edit);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"documents/{DocumentId}?view=split");

        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));

        cut.WaitForAssertion(() => Assert.Contains("<h1>Titre</h1>", cut.Find("[data-testid=document-preview]").InnerHtml, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=collaborative-editor]").GetAttribute("data-mounted")));
        var toggle = cut.Find("input[data-testid=suggestion-mode]");
        Assert.Equal("switch", toggle.GetAttribute("role"));
        await toggle.ChangeAsync(new ChangeEventArgs { Value = true });
        Assert.True(module.VerifyInvoke("setSuggestionMode").Arguments[1] is true);
        Assert.Equal("true", cut.Find("input[data-testid=suggestion-mode]").GetAttribute("aria-checked"));
    }

    [Fact]
    public async Task Render_WithReadRight_ShowsTheReadOnlyNoticeAndNoSuggestionTools()
    {
        await ArrangeAsync(EditorRight.Read, Roles.Member);

        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=editor-readonly]"));
        Assert.Empty(cut.FindAll("[data-testid=suggestion-mode]"));
        Assert.Empty(cut.FindAll("[data-testid=suggestions-panel]"));
    }

    [Fact]
    public async Task UnacknowledgedEdits_Reported_ShowTheBannerAndRestoreCallsTheScript()
    {
        var module = await ArrangeAsync(EditorRight.Edit);
        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));
        cut.WaitForAssertion(() => module.VerifyInvoke("mount"));
        var editor = ((DotNetObjectReference<CollaborativeEditor>)module.VerifyInvoke("mount").Arguments[1]!).Value;
        Assert.Empty(cut.FindAll("[data-testid=unsaved-banner]"));

        await cut.InvokeAsync(() => editor.OnUnacknowledgedEdits(3));

        cut.WaitForAssertion(() => Assert.Contains("3", cut.Find("[data-testid=unsaved-banner]").TextContent, StringComparison.Ordinal));
        await cut.Find("[data-testid=unsaved-restore] button, button[data-testid=unsaved-restore]").ClickAsync(new());
        Assert.Equal(7, module.VerifyInvoke("restorePending").Arguments[0]);

        await cut.InvokeAsync(() => editor.OnUnacknowledgedEdits(0));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=unsaved-banner]")));
    }

    [Fact]
    public async Task Join_WithSuggestRight_ReplacesTheLoadedRightAndPresenceShowsNames()
    {
        var module = await ArrangeAsync(EditorRight.Edit);
        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));
        cut.WaitForAssertion(() => module.VerifyInvoke("mount"));
        var editor = ((DotNetObjectReference<CollaborativeEditor>)module.VerifyInvoke("mount").Arguments[1]!).Value;

        await cut.InvokeAsync(() => editor.OnJoined(EditorJson.Serialize(new EditorJoinInfo(Title, "Suggest", 4, UserName, "#1e88e5"))));
        await cut.InvokeAsync(() => editor.OnPresenceChanged(EditorJson.Serialize(new[] { new EditorPresence("c2", "Youssef Amrani", "#e53935") })));

        cut.WaitForAssertion(() => cut.Find("[data-testid=suggestion-only]"));
        Assert.Empty(cut.FindAll("[data-testid=suggestion-mode]"));
        Assert.Equal("Youssef Amrani", cut.Find("[data-testid=presence-chip]").TextContent.Trim());
        Assert.Contains(UserName, cut.Find("[data-testid=presence-self]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RightRaisedWhileOpen_ThePageShowsTheEditorsTools()
    {
        var module = await ArrangeAsync(EditorRight.Comment, Roles.Member);
        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));
        cut.WaitForAssertion(() => module.VerifyInvoke("mount"));
        var editor = ((DotNetObjectReference<CollaborativeEditor>)module.VerifyInvoke("mount").Arguments[1]!).Value;
        Assert.Empty(cut.FindAll("[data-testid=document-share]"));
        Assert.Empty(cut.FindAll("[data-testid=suggestions-panel]"));

        await cut.InvokeAsync(() => editor.OnJoined(EditorJson.Serialize(new EditorJoinInfo(Title, "Edit", 4, UserName, "#1e88e5"))));

        cut.WaitForAssertion(() => cut.Find("[data-testid=document-share]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=suggestions-panel]"));
    }

    [Fact]
    public async Task OwnSuggestion_WithSuggestRight_CanBeWithdrawn_OthersCannot()
    {
        await ArrangeAsync(EditorRight.Suggest, Roles.Member);
        var mine = Guid.NewGuid();
        data.Suggestions.Add(new EditorSuggestion(mine, UserName, new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc), "+ ma proposition", IsMine: true));
        data.Suggestions.Add(new EditorSuggestion(Guid.NewGuid(), "Youssef Amrani", new DateTime(2026, 3, 5, 9, 5, 0, DateTimeKind.Utc), "+ النص"));
        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=suggestion-item]").Count));

        Assert.Single(cut.FindAll("button[data-testid=suggestion-withdraw]"));
        await cut.Find("button[data-testid=suggestion-withdraw]").ClickAsync(new());

        Assert.Equal([mine], data.Rejected);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=suggestion-item]")));
        Assert.Empty(cut.FindAll("button[data-testid=suggestion-withdraw]"));
    }

    [Fact]
    public async Task Suggestion_Accepted_CallsTheServiceAndRefreshesTheList()
    {
        await ArrangeAsync(EditorRight.Edit);
        var suggestionId = Guid.NewGuid();
        data.Suggestions.Add(new EditorSuggestion(suggestionId, "Youssef Amrani", new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc), "+ النص"));
        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=suggestion-item]"));

        await cut.Find("button[data-testid=suggestion-accept]").ClickAsync(new());

        Assert.Equal([suggestionId], data.Accepted);
        cut.WaitForAssertion(() => cut.Find("[data-testid=suggestions-none]"));
    }

    [Fact]
    public async Task AnnotationsChanged_ReportedByTheEditor_ReloadsThePendingSuggestions()
    {
        var module = await ArrangeAsync(EditorRight.Edit);
        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));
        cut.WaitForAssertion(() => module.VerifyInvoke("mount"));
        var editor = ((DotNetObjectReference<CollaborativeEditor>)module.VerifyInvoke("mount").Arguments[1]!).Value;
        cut.WaitForAssertion(() => cut.Find("[data-testid=suggestions-none]"));
        var options = JsonSerializer.Deserialize<JsonElement>(Assert.IsType<string>(module.VerifyInvoke("mount").Arguments[2]));
        Assert.Contains("{0}", options.GetProperty("suggestionTitle").GetString(), StringComparison.Ordinal);

        data.Suggestions.Add(new EditorSuggestion(Guid.NewGuid(), "Youssef Amrani", new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc), "+ durée de trois ans"));
        await cut.InvokeAsync(editor.OnAnnotationsChanged);

        cut.WaitForAssertion(() => Assert.Contains("durée de trois ans", cut.Find("[data-testid=suggestion-item]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_WithSuggestRight_ListsPendingSuggestionsWithoutDecisionButtons()
    {
        await ArrangeAsync(EditorRight.Suggest, Roles.Member);
        data.Suggestions.Add(new EditorSuggestion(Guid.NewGuid(), "Youssef Amrani", new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc), "+ النص"));

        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=suggestion-item]"));
        Assert.Empty(cut.FindAll("[data-testid=suggestion-accept]"));
        Assert.Empty(cut.FindAll("[data-testid=suggestion-reject]"));
    }

    [Fact]
    public async Task CommentOnSelection_ReadsTheEditorSelectionAndOpensTheCommentsPageOnIt()
    {
        var module = await ArrangeAsync(EditorRight.Comment, Roles.Member);
        module.Setup<EditorSelection>("getSelection", _ => true).SetResult(new EditorSelection(2, 7, 4));
        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=collaborative-editor]").GetAttribute("data-mounted")));

        await cut.Find("button[data-testid=document-comment-selection]").ClickAsync(new());

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        Assert.EndsWith($"documents/{DocumentId}/comments?from=2&to=7&version=4", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(7, module.VerifyInvoke("getSelection").Arguments[0]);
    }

    [Fact]
    public async Task Render_MissingDocument_SaysSo()
    {
        await ArrangeAsync(EditorRight.Edit);
        data.Document = null;

        var cut = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=document-missing]"));
        Assert.Empty(cut.FindAll("[data-testid=collaborative-editor]"));
    }

    [Fact]
    public async Task Pages_HaveOnlyLocalizedText()
    {
        UseMarkerLocalizer();
        var module = await ArrangeAsync(EditorRight.Edit);
        data.Summaries.Add(new EditorDocumentSummary(DocumentId, Title, EditorRight.Edit, 4, new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc)));
        data.Suggestions.Add(new EditorSuggestion(Guid.NewGuid(), UserName, new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc), UserName));

        var page = RenderPage<DocumentPage>(p => p.Add(x => x.Id, DocumentId));
        page.WaitForAssertion(() => module.VerifyInvoke("mount"));
        var list = RenderPage<DocumentsPage>();
        list.WaitForAssertion(() => list.Find("[data-testid=document-link]"));

        // The document's own title, text and dates are data; everything else must come from the texts.
        var problems = new[] { page.Markup, list.Markup }
            .SelectMany(m => UnlocalizedTextChecker.Find(m, UserName, Title, "Titre", "مرحبا", "/", ":", "2026", "03", "01", "05"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private sealed class FakeEditorData : IDocumentEditorData
    {
        public EditorDocument? Document { get; set; }

        public List<EditorDocumentSummary> Summaries { get; } = [];

        public List<EditorSuggestion> Suggestions { get; } = [];

        public List<Guid> Accepted { get; } = [];

        public Task<IReadOnlyList<EditorDocumentSummary>> ListAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<EditorDocumentSummary>>(Summaries);

        public Task<bool> CanCreateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal principal, string title, string initialText, CancellationToken cancellationToken = default) =>
            Task.FromResult(Outcome<Guid>.Done(Guid.NewGuid()));

        public Task<EditorDocument?> GetAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(id == Document?.Id ? Document : null);

        public string RenderPreview(string markdown) => markdown.StartsWith("# Titre", StringComparison.Ordinal) ? "<h1>Titre</h1><p dir=\"auto\">مرحبا</p>" : string.Empty;

        public Task<IReadOnlyList<EditorSuggestion>> ListSuggestionsAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<EditorSuggestion>>([.. Suggestions]);

        public Task<string?> AcceptSuggestionAsync(ClaimsPrincipal principal, Guid documentId, Guid suggestionId, CancellationToken cancellationToken = default)
        {
            Accepted.Add(suggestionId);
            Suggestions.RemoveAll(s => s.Id == suggestionId);
            return Task.FromResult<string?>(null);
        }

        public List<Guid> Rejected { get; } = [];

        public Task<string?> RejectSuggestionAsync(ClaimsPrincipal principal, Guid documentId, Guid suggestionId, CancellationToken cancellationToken = default)
        {
            Rejected.Add(suggestionId);
            Suggestions.RemoveAll(s => s.Id == suggestionId);
            return Task.FromResult<string?>(null);
        }
    }
}
