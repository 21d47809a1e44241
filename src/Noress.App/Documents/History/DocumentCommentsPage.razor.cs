using Microsoft.AspNetCore.Components;
using Noress.App.Accounts;
using Noress.App.Shared.Localization;

namespace Noress.App.Documents.History;

/// <summary>Comment threads with the text they are anchored to; opens a new thread on the range the editor passes.</summary>
public sealed partial class DocumentCommentsPage
{
    private readonly Dictionary<Guid, string> replies = [];
    private readonly Dictionary<int, string> textAt = [];
    private DocumentView? view;
    private bool loaded;
    private IReadOnlyList<CommentThreadItem> threads = [];
    private bool showResolved;
    private NewRange? newRange;
    private string? newBody;
    private string? error;
    private bool emptySelection;

    [SupplyParameterFromQuery(Name = "from")]
    public int? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public int? To { get; set; }

    [SupplyParameterFromQuery(Name = "version")]
    public int? Version { get; set; }

    [Inject]
    private DocumentService Documents { get; set; } = default!;

    [Inject]
    private DocumentHistoryService History { get; set; } = default!;

    [Inject]
    private DocumentCommentService Comments { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    private static readonly IReadOnlySet<string> FollowedEvents = new HashSet<string> { DocumentBroadcaster.UpdatedEvent, DocumentBroadcaster.AnnotationsEvent };

    private IEnumerable<CommentThreadItem> Visible => threads.Where(t => showResolved || !t.IsResolved);

    protected override async Task OnParametersSetAsync()
    {
        // Threads others open, answer or resolve, and edits that move their anchors, show up without a reload.
        Follow(FollowedEvents, ReloadAsync);
        await ReloadAsync();
        newRange = null;
        // An empty selection anchors nothing a reader could see: ask for a selection instead.
        emptySelection = From is { } start && start == To;
        if (view is { Right: >= DocumentRight.Comment } && From is { } from && To is { } to && Version is { } version && from < to && version <= view.Version)
        {
            var text = await TextAtAsync(version);
            if (to <= text.Length)
            {
                newRange = new NewRange(from, to, version, text[from..to]);
            }
        }

        loaded = true;
    }

    private async Task ReloadAsync()
    {
        var principal = await CurrentUser.GetPrincipalAsync();
        // Threads first: they are mapped to the head at that moment, which the text read after reaches.
        try
        {
            threads = await Comments.ListThreadsAsync(principal, Id);
        }
        catch (Exception e) when (e is KeyNotFoundException or UnauthorizedAccessException)
        {
            threads = [];
        }

        view = await Documents.GetAsync(principal, Id);
        textAt.Clear();
        if (view is not null)
        {
            textAt[view.Version] = view.Text;
            foreach (var version in threads.Select(t => t.Version).Distinct().Where(v => v != view.Version))
            {
                await TextAtAsync(version);
            }
        }
    }

    private async Task<string> TextAtAsync(int version)
    {
        if (!textAt.TryGetValue(version, out var text))
        {
            text = await History.GetTextAtAsync(await CurrentUser.GetPrincipalAsync(), Id, version);
            textAt[version] = text;
        }

        return text;
    }

    private string Quote(CommentThreadItem thread)
    {
        if (!textAt.TryGetValue(thread.Version, out var text))
        {
            return string.Empty;
        }

        var from = Math.Clamp(thread.From, 0, text.Length);
        var to = Math.Clamp(thread.To, from, text.Length);
        return from == to ? T["Comments.AnchorGone"] : text[from..to];
    }

    private Task CreateAsync() => RunAsync(async principal =>
    {
        if (newRange is { } range && !string.IsNullOrWhiteSpace(newBody))
        {
            var outcome = await Comments.CreateThreadAsync(principal, Id, range.Version, range.From, range.To, newBody);
            if (outcome.Succeeded)
            {
                newRange = null;
                newBody = null;
            }

            return outcome.Error;
        }

        return null;
    });

    private Task ReplyAsync(Guid threadId) => RunAsync(async principal =>
    {
        if (replies.GetValueOrDefault(threadId) is { } body && !string.IsNullOrWhiteSpace(body))
        {
            var outcome = await Comments.ReplyAsync(principal, threadId, body);
            if (outcome.Succeeded)
            {
                replies.Remove(threadId);
            }

            return outcome.Error;
        }

        return null;
    });

    private Task ResolveAsync(Guid threadId) => RunAsync(async principal =>
    {
        await Comments.ResolveAsync(principal, threadId);
        return null;
    });

    private Task ReopenAsync(Guid threadId) => RunAsync(async principal =>
    {
        await Comments.ReopenAsync(principal, threadId);
        return null;
    });

    /// <summary>Runs a change; shows the service's refusal, or a general message when the rights changed meanwhile.</summary>
    private async Task RunAsync(Func<System.Security.Claims.ClaimsPrincipal, Task<string?>> action)
    {
        try
        {
            error = await action(await CurrentUser.GetPrincipalAsync());
        }
        catch (Exception e) when (e is UnauthorizedAccessException or ArgumentException or KeyNotFoundException)
        {
            error = T["Comments.Failed"];
        }

        await ReloadAsync();
    }

    private async Task<IReadOnlyList<MentionCandidate>> SearchMentionsAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            return await Comments.SearchMentionsAsync(await CurrentUser.GetPrincipalAsync(), Id, query, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Append(string? body, string mention) =>
        string.IsNullOrEmpty(body) || char.IsWhiteSpace(body[^1]) ? body + mention : $"{body} {mention}";

    private static string Local(DateTime utc) => NoressFormat.DateTime(utc);

    private sealed record NewRange(int From, int To, int Version, string Quote);
}
