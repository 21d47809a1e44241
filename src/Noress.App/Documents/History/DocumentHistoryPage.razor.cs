using Microsoft.AspNetCore.Components;
using MudBlazor;
using Noress.App.Accounts;
using Noress.App.Shared.Localization;

namespace Noress.App.Documents.History;

/// <summary>Revisions with a time slider, authorship colouring, diffs, restore and labelled versions.</summary>
public sealed partial class DocumentHistoryPage
{
    private DocumentView? view;
    private bool loaded;
    private IReadOnlyList<DocumentRevision> revisions = [];
    private IReadOnlyList<DocumentLabelItem> labels = [];
    private int selected;
    private int headVersion;
    private int liveVersion;
    private AuthoredText? authored;
    private IReadOnlyDictionary<Guid, string> colors = new Dictionary<Guid, string>();
    private IReadOnlyList<IReadOnlyList<AuthoredSegment>> lines = [];
    private int diffFrom;
    private int diffTo;
    private IReadOnlyList<DiffLine>? diff;
    private string? newLabel;
    private (DocumentLabelItem Label, string Text)? shownLabel;
    private string? error;

    [Inject]
    private DocumentService Documents { get; set; } = default!;

    [Inject]
    private DocumentHistoryService History { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private static readonly IReadOnlySet<string> FollowedEvents = new HashSet<string> { DocumentBroadcaster.UpdatedEvent };

    /// <summary>The versions one can look at: the creation (0), then the end of each revision.</summary>
    private IEnumerable<int> Points => revisions.Select(r => r.ToVersion).Prepend(0);

    private int SelectedVersion => selected == 0 || revisions.Count == 0 ? 0 : revisions[selected - 1].ToVersion;

    protected override async Task OnParametersSetAsync()
    {
        // Edits made meanwhile are announced, not applied: a reader comparing revisions keeps what they compare.
        Follow(FollowedEvents, CheckHeadAsync);
        await ReloadAsync(selectLatest: true);
        loaded = true;
    }

    private async Task ReloadAsync(bool selectLatest)
    {
        var principal = await CurrentUser.GetPrincipalAsync();
        view = await Documents.GetAsync(principal, Id);
        if (view is null)
        {
            return;
        }

        headVersion = view.Version;
        liveVersion = view.Version;
        revisions = await History.ListRevisionsAsync(principal, Id);
        labels = await History.ListLabelsAsync(principal, Id);
        await SelectAsync(selectLatest ? revisions.Count : Math.Min(selected, revisions.Count));
    }

    private async Task CheckHeadAsync()
    {
        var current = await Documents.GetAsync(await CurrentUser.GetPrincipalAsync(), Id);
        liveVersion = current?.Version ?? liveVersion;
    }

    private Task ShowLatestAsync() => ReloadAsync(selectLatest: true);

    private async Task SelectAsync(int index)
    {
        selected = Math.Clamp(index, 0, revisions.Count);
        var version = SelectedVersion;
        authored = await History.GetAuthorshipAsync(await CurrentUser.GetPrincipalAsync(), Id, version);
        colors = AuthorColors.Assign(authored.Spans.Select(s => s.AuthorId));
        lines = AuthorshipMap.Lines(authored.Text, authored.Spans);
        (diffFrom, diffTo) = DefaultComparison(Points.ToList(), selected);
        diff = revisions.Count == 0 ? null : await History.DiffAsync(await CurrentUser.GetPrincipalAsync(), Id, diffFrom, diffTo);
    }

    /// <summary>
    /// The two versions compared by default: the selected one and the one before it, or the one after it when the creation is selected,
    /// never a version with itself.
    /// </summary>
    internal static (int From, int To) DefaultComparison(IReadOnlyList<int> points, int selectedIndex)
    {
        if (points.Count < 2)
        {
            return (0, 0);
        }

        var index = Math.Clamp(selectedIndex, 0, points.Count - 1);
        return index == 0 ? (points[0], points[1]) : (points[index - 1], points[index]);
    }

    private async Task DiffAsync() =>
        diff = await History.DiffAsync(await CurrentUser.GetPrincipalAsync(), Id, diffFrom, diffTo);

    private async Task RestoreAsync()
    {
        var version = SelectedVersion;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            T["History.RestoreTitle"], T["History.RestoreConfirm", version], T["History.Restore"], cancelText: T["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        try
        {
            var outcome = await History.RestoreAsync(await CurrentUser.GetPrincipalAsync(), Id, version);
            error = outcome.Error;
            if (outcome.Succeeded)
            {
                await ReloadAsync(selectLatest: true);
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or InvalidOperationException)
        {
            error = T["History.RestoreFailed"];
        }
    }

    private async Task AddLabelAsync()
    {
        if (string.IsNullOrWhiteSpace(newLabel))
        {
            return;
        }

        try
        {
            var outcome = await History.AddLabelAsync(await CurrentUser.GetPrincipalAsync(), Id, SelectedVersion, newLabel);
            error = outcome.Error;
            if (outcome.Succeeded)
            {
                newLabel = null;
                labels = await History.ListLabelsAsync(await CurrentUser.GetPrincipalAsync(), Id);
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or ArgumentException)
        {
            error = T["Labels.Failed"];
        }
    }

    private async Task ShowLabelAsync(DocumentLabelItem label)
    {
        try
        {
            shownLabel = (label, await History.GetLabelTextAsync(await CurrentUser.GetPrincipalAsync(), label.Id));
            error = null;
        }
        catch (InvalidOperationException)
        {
            error = T["Labels.Corrupt"];
        }
    }

    private static string Local(DateTime utc) => NoressFormat.DateTime(utc);

    private static string DiffStyle(DiffLineKind kind) => kind switch
    {
        DiffLineKind.Inserted => "background-color: #dcfce7; color: #14532d;",
        DiffLineKind.Deleted => "background-color: #fee2e2; color: #7f1d1d; text-decoration: line-through;",
        _ => string.Empty,
    };

    private static string DiffMark(DiffLineKind kind) => kind switch
    {
        DiffLineKind.Inserted => "+",
        DiffLineKind.Deleted => "−",
        _ => " ",
    };
}
