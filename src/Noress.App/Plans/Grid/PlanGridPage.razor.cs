using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using Noress.App.Accounts;
using Noress.App.Plans.Views;
using Noress.App.Shared.Localization;
using Noress.App.Shared.RealTime;

namespace Noress.App.Plans.Grid;

/// <summary>
/// The live tree grid of a plan (issue 11 §4, §5): inline editing with per-field conflicts, keyboard navigation,
/// presence of the other editors, and live updates that re-render only the rows a change names (ADR 0031).
/// </summary>
public partial class PlanGridPage : IAsyncDisposable
{
    private static readonly IReadOnlySet<string> ChangeKinds = new HashSet<string>(StringComparer.Ordinal) { PlanEvents.Items, PlanEvents.Structure, PlanEvents.Plan };

    /// <summary>
    /// The rows rendered at once (ADR 0045): a circuit holds the render trees of these only, whatever the plan's size.
    /// 25 rows of about 30 px fill a laptop's screen below the toolbar (ADR 0055); the keyboard and the buttons reach the rest.
    /// </summary>
    public const int WindowRows = 25;

    private static readonly ConcurrentDictionary<string, MarkupString> Headers = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, MarkupString> Helps = new(StringComparer.Ordinal);
    private static readonly string[] HelpKeys = ["Help.Arrows", "Help.HomeEnd", "Help.Edit", "Help.Cancel", "Help.Toggle", "Help.Details", "Help.Live"];
    private static readonly MarkupString AddIcon = PlanMarkup.ButtonIcon(MudBlazor.Icons.Material.Filled.Add);

    private readonly HashSet<Guid> collapsed = [];
    private int windowStart;
    private PlanView? view;
    private IReadOnlyList<PlanRow> shown = [];
    private Dictionary<Guid, PlanRow> filteredBefore = [];
    private PlanFilter filter = PlanFilter.None;
    private RollupResult totals = new(null, 0, 0, 0);
    private int hiddenLate;
    private bool followingLocation;
    private Dictionary<Guid, IReadOnlyList<PlanPresenceEntry>> presenceByRow = [];
    private ClaimsPrincipal user = new();
    private bool loaded;
    private GridCell focus;
    private readonly Dictionary<Guid, PlanGridRow> rowComponents = [];
    private PlanTotalsLine? totalsLine;
    private PlanGridBatch? batch;
    private bool skipRender;
    private bool focusPending;
    private EditState? editing;
    private string? editError;
    private ConflictState? conflict;
    private Guid? detailsId;
    private AddState? adding;
    private string? addError;
    private string? status;
    private PlanPresenceSession? presence;
    private PlanViewLease? lease;
    private bool joining;
    private Guid leasedPlan;

    [Parameter]
    public Guid PlanId { get; set; }

    [Inject]
    private PlanService Plans { get; set; } = default!;

    [Inject]
    private PlanPresence Presence { get; set; } = default!;

    [Inject]
    private PlanViewCache ViewCache { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    public IStringLocalizer<PlanGridText> Text { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedText> Shared { get; set; } = default!;

    [Inject]
    private IStringLocalizer<PlansText> PlansText { get; set; } = default!;

    /// <summary>
    /// The pickers' choices, read when an editor first needs them (a picker or the details panel opens), not with the
    /// page: an idle page holds no copy of the network's institutions and people (ADR 0055). Null until then, and for a reader.
    /// </summary>
    public PlanChoices? Choices { get; private set; }

    /// <summary>Whether the reader may edit the plan (the same rule ChoicesAsync applies).</summary>
    public bool CanEdit => view?.Plan.CanEdit == true;

    public PlanCellText Cells { get; private set; } = default!;

    /// <summary>The open editor's element, focused when it opens.</summary>
    public ElementReference? EditorElement { get; set; }

    public PlanView? View => view;

    public ClaimsPrincipal User => user;

    /// <summary>The rows shown, in tree order: those under a collapsed row are left out.</summary>
    public IReadOnlyList<PlanRow> ShownRows => shown;

    /// <summary>What the open editor holds now (what Enter saves), kept current by the editing row.</summary>
    public string? Draft { get; set; }

    /// <summary>The index (among the shown rows) of the first row rendered.</summary>
    public int WindowStart => windowStart;

    private int WindowEnd => Math.Min(shown.Count, windowStart + WindowRows);

    protected override async Task OnParametersSetAsync()
    {
        user = await CurrentUser.GetPrincipalAsync();
        filter = PlanFilter.Parse(Navigation.Uri);
        if (!followingLocation)
        {
            // A filter change only changes the query: the parameters stay equal, so the page follows the location itself.
            Navigation.LocationChanged += OnLocationChanged;
            followingLocation = true;
        }

        if (lease is null || leasedPlan != PlanId)
        {
            // One snapshot per plan and node, shared by every page of it (ADR 0034).
            lease?.Dispose();
            lease = ViewCache.Open(PlanId);
            leasedPlan = PlanId;
            Choices = null;
        }

        view = await Plans.LoadLiveAsync(user, lease, PlanViewRequest.Current, null, CancellationToken.None);
        loaded = true;
        Rebuild();
        if (view is not null)
        {
            // Only changes: presence announcements on the same topic are PlanPresence's.
            // No coalescing pause: a refresh reads nothing but the shared snapshot; events heard while one runs join the next.
            Follow(Topics.Plan(PlanId), ChangeKinds, RefreshAsync, TimeSpan.Zero);
        }
    }

    /// <summary>The page's own renders, its rows' and children's apart (for the tests: a change applied in place renders none).</summary>
    internal int PageRenders { get; private set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        PageRenders++;
        // The first render that can edit (the plan may arrive after the very first render when its read is asynchronous).
        if (CanEdit && presence is null && !joining && await CurrentUser.GetIdAsync() is { } me)
        {
            joining = true;
            var name = view?.People.GetValueOrDefault(me) ?? await Plans.PersonNameAsync(me, CancellationToken.None) ?? user.Identity?.Name ?? string.Empty;
            presence = await Presence.JoinAsync(PlanId, me, name, () => _ = InvokeAsync(PresenceChanged));
            (Services.GetService(typeof(PlanPresenceCircuit)) as PlanPresenceCircuit)?.Add(presence);
            PresenceChanged();
        }

        if (focusPending)
        {
            focusPending = false;
            try
            {
                if (editing is not null && EditorElement is { } editor)
                {
                    await editor.FocusAsync();
                }
                else
                {
                    await JS.InvokeVoidAsync("noressFocusGridCell", focus.Row, focus.Column);
                }
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    /// <summary>
    /// Someone has used the grid on this page (a key or a click on a cell): from then on the focused row renders as cells, so
    /// that a live change or a move within the row does not replace the cell the browser's focus is in (ADR 0057).
    /// </summary>
    public bool Engaged { get; private set; }

    private void Engage(bool refocus)
    {
        if (!Engaged)
        {
            Engaged = true;
            // The focused row was markup: rendered now as cells, its cell takes the browser's focus back.
            focusPending |= refocus;
        }
    }

    /// <summary>
    /// The browser's focus came into the grid without a key or click of the grid's (Tab, a screen reader): the page is
    /// engaged from then on, so the focused row renders as cells and a live change of it cannot take the focus away
    /// (ADR 0057). Later focus moves inside the grid render nothing.
    /// </summary>
    public void OnGridFocusIn()
    {
        if (Engaged)
        {
            skipRender = true;
            return;
        }

        Engage(refocus: true);
    }

    /// <summary>The grid's one key handler: the event names the cell (PlanCellEvents); outside a cell it does nothing.</summary>
    public Task OnCellKeyAsync(PlanCellEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Row < 0 || e.Column < 0 ? Task.CompletedTask : KeyAsync(e.Row, e.Column, e.Key, e.CtrlKey || e.MetaKey, e.AltKey);
    }

    /// <summary>The grid's one click handler: a row's toggle or details button, else the focus moves to the cell.</summary>
    public Task OnCellClickAsync(PlanCellEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Row < 0 || e.Row >= shown.Count || e.Column < 0)
        {
            return Task.CompletedTask;
        }

        return e.Action switch
        {
            "toggle" => ToggleAsync(shown[e.Row].Id),
            "details" => OpenDetailsAsync(shown[e.Row].Id),
            _ => FocusAsync(e.Row, e.Column),
        };
    }

    /// <summary>The grid's one double-click handler: edits the cell.</summary>
    public Task OnCellDoubleClickAsync(PlanCellEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Row < 0 || e.Column < 0 || e.Action is not null ? Task.CompletedTask : StartEditAsync(e.Row, e.Column);
    }

    /// <summary>A key on a cell: moves, edits, toggles, opens details; while editing, Enter saves and Escape cancels.</summary>
    public async Task KeyAsync(int row, int column, string key, bool ctrl, bool alt)
    {
        Engage(refocus: true);
        if (editing is not null)
        {
            if (key == "Escape")
            {
                await CancelEditAsync();
            }
            else if (key == "Enter")
            {
                await CommitAsync(Draft);
            }

            return;
        }

        if (row >= shown.Count || column >= PlanColumns.All.Count)
        {
            return;
        }

        focus = new GridCell(row, column);
        var (action, to) = PlanGridKeys.Handle(focus, key, ctrl, alt, shown.Count, PlanColumns.All.Count,
            CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft);
        switch (action)
        {
            case GridKeyAction.Move:
                focus = to;
                KeepInWindow(to.Row);
                focusPending = true;
                StateHasChanged();
                break;
            case GridKeyAction.Edit:
                await StartEditAsync(row, column);
                break;
            case GridKeyAction.Toggle:
                await ToggleAsync(shown[row].Id);
                break;
            case GridKeyAction.Details:
                await OpenDetailsAsync(shown[row].Id);
                break;
        }
    }

    /// <summary>The editor's choices, read on first use and kept for the page; null for a reader.</summary>
    public async Task<PlanChoices?> EnsureChoicesAsync()
    {
        if (Choices is null && CanEdit)
        {
            Choices = await Plans.ChoicesAsync(user, PlanId, CancellationToken.None);
            if (view is not null)
            {
                Cells = new PlanCellText(view, Choices, PlansText);
            }
        }

        return Choices;
    }

    /// <summary>What is particular about a row on this page; null (one frame less per row and no allocation) for most.</summary>
    private PlanRowState? RowState(int index, PlanRow row)
    {
        var focused = focus.Row == index;
        var edited = editing?.RowId == row.Id;
        var selected = detailsId == row.Id;
        var collapsedRow = collapsed.Contains(row.Id);
        var people = presenceByRow.GetValueOrDefault(row.Id);
        return !focused && !edited && !selected && !collapsedRow && people is null
            ? null
            : new PlanRowState(focused ? focus.Column : -1, edited ? editing!.Field : null, edited ? editError : null, selected, collapsedRow, people);
    }

    // The grid's header and the keyboard help: the same for every page in a language, built once per node.
    private MarkupString HeaderMarkup => PlanMarkup.PerCulture(Headers, () =>
    {
        var html = new StringBuilder("<tr role=\"row\" aria-rowindex=\"1\">");
        foreach (var column in PlanColumns.All)
        {
            html.Append("<th role=\"columnheader\" scope=\"col\">");
            PlanMarkup.Encode(html, Cells.FieldName(column.Field));
            html.Append("</th>");
        }

        return html.Append("</tr>").ToString();
    });

    private MarkupString HelpMarkup => PlanMarkup.PerCulture(Helps, () =>
    {
        var html = new StringBuilder("<details class=\"plan-help mb-2\" data-testid=\"plan-help\"><summary>");
        PlanMarkup.Encode(html, Text["Help.Title"]);
        html.Append("</summary><ul>");
        foreach (var key in HelpKeys)
        {
            html.Append("<li>");
            PlanMarkup.Encode(html, Text[key]);
            html.Append("</li>");
        }

        return html.Append("</ul></details>").ToString();
    });

    private void OpenAddAxis() => OpenAdd(null);

    private void PreviousWindow() => MoveWindow(-WindowRows);

    private void NextWindow() => MoveWindow(WindowRows);

    /// <summary>Shows the rows before or after the window (the buttons under the grid); the focus moves to the first row shown.</summary>
    public void MoveWindow(int delta)
    {
        var start = Math.Clamp(windowStart + delta, 0, Math.Max(0, shown.Count - WindowRows));
        if (start == windowStart || editing is not null)
        {
            return;
        }

        windowStart = start;
        focus = new GridCell(start, focus.Column);
        focusPending = true;
        StateHasChanged();
    }

    private void KeepInWindow(int row)
    {
        if (row < windowStart)
        {
            windowStart = row;
        }
        else if (row >= windowStart + WindowRows)
        {
            windowStart = row - WindowRows + 1;
        }
    }

    public Task FocusAsync(int row, int column)
    {
        Engage(refocus: true);
        if (editing is null && focus != new GridCell(row, column))
        {
            // The clicked row was plain markup: rendered now as cells, its new cell takes the browser's focus back.
            focusPending |= focus.Row != row;
            focus = new GridCell(row, column);
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the reader may edit this cell (parents are judged on the whole tree, not the filtered one).</summary>
    public bool Editable(PlanColumn column, PlanRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return CanEdit && PlanColumns.Editable(column, view?.Row(row.Id) ?? row);
    }

    /// <summary>Opens the editor of a cell, when the reader may edit it.</summary>
    public async Task StartEditAsync(int row, int column)
    {
        Engage(refocus: false);
        if (row < 0 || row >= shown.Count || editing is not null)
        {
            return;
        }

        var r = shown[row];
        var col = PlanColumns.All[column];
        focus = new GridCell(row, column);
        if (!Editable(col, r))
        {
            status = Text["Edit.ReadOnly"];
            StateHasChanged();
            return;
        }

        // A picker needs the choices (read once); another edit may have opened meanwhile.
        if (col.Editor is PlanCellEditor.Institution or PlanCellEditor.Person or PlanCellEditor.Committee or PlanCellEditor.Decision
            && (await EnsureChoicesAsync() is null || editing is not null))
        {
            return;
        }

        editing = new EditState(r.Id, col.Field, PlanColumns.Value(r, col.Field), r.Version);
        Draft = editing.Base;
        editError = null;
        focusPending = true;
        StateHasChanged();
        if (presence is not null)
        {
            await presence.EditingAsync(r.Id);
        }
    }

    public async Task CancelEditAsync()
    {
        editing = null;
        editError = null;
        focusPending = true;
        StateHasChanged();
        if (presence is not null && detailsId is null)
        {
            await presence.EditingAsync(null);
        }
    }

    /// <summary>Saves the open editor's value with the base and version it opened on.</summary>
    public async Task CommitAsync(string? draft)
    {
        if (editing is not { } edit)
        {
            return;
        }

        if (PlanFields.Same(edit.Field, edit.Base, draft))
        {
            await CancelEditAsync();
            return;
        }

        if (!PlanFields.TryCanonical(edit.Field, draft, out _))
        {
            editError = Text["Edit.Invalid", Cells.FieldName(edit.Field)];
            StateHasChanged();
            return;
        }

        var outcome = await Plans.EditItemAsync(user, edit.RowId, edit.Version, [new FieldEdit(edit.Field, edit.Base, draft)], CancellationToken.None);
        if (!outcome.Succeeded)
        {
            editError = outcome.Error;
            StateHasChanged();
            return;
        }

        var result = outcome.Value!;
        editing = null;
        editError = null;
        focusPending = true;
        if (!result.Saved)
        {
            conflict = new ConflictState(result);
        }
        else
        {
            status = Text["Edit.Saved", Cells.FieldName(edit.Field)];
        }

        await ReloadAsync(Lineage(edit.RowId), true);
        StateHasChanged();
        if (presence is not null && detailsId is null && conflict is null)
        {
            await presence.EditingAsync(null);
        }
    }

    /// <summary>Keeps the reader's value of a conflicting field: saved again over the current value.</summary>
    public async Task KeepMineAsync(PlanFieldConflict field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (conflict is not { } c)
        {
            return;
        }

        var outcome = await Plans.EditItemAsync(user, c.Result.ItemId, c.Result.Version, [new FieldEdit(field.Field, field.Current, field.Attempted)], CancellationToken.None);
        if (!outcome.Succeeded)
        {
            status = outcome.Error;
            conflict = null;
        }
        else if (!outcome.Value!.Saved)
        {
            // Changed again meanwhile: the prompt shows the newer value.
            conflict = new ConflictState(outcome.Value);
        }
        else
        {
            var rest = c.Result.Conflicts.Where(x => x.Field != field.Field).ToList();
            conflict = rest.Count == 0 ? null : new ConflictState(c.Result with { Version = outcome.Value.Version, Conflicts = rest });
            status = Text["Edit.Saved", Cells.FieldName(field.Field)];
        }

        await ReloadAsync(Lineage(c.Result.ItemId), true);
        await EndConflictPresenceAsync();
        StateHasChanged();
    }

    /// <summary>Takes the other person's value of a conflicting field: the reader's attempt is dropped.</summary>
    public async Task TakeTheirsAsync(PlanFieldConflict field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (conflict is not { } c)
        {
            return;
        }

        var rest = c.Result.Conflicts.Where(x => x.Field != field.Field).ToList();
        conflict = rest.Count == 0 ? null : new ConflictState(c.Result with { Conflicts = rest });
        await ReloadAsync(Lineage(c.Result.ItemId), true);
        await EndConflictPresenceAsync();
        StateHasChanged();
    }

    public async Task ToggleAsync(Guid rowId)
    {
        Engage(refocus: false);
        var id = focus.Row < shown.Count ? shown[focus.Row].Id : (Guid?)null;
        if (!collapsed.Remove(rowId))
        {
            collapsed.Add(rowId);
        }

        Rebuild();
        RefocusOn(id);
        StateHasChanged();
        await Task.CompletedTask;
    }

    public async Task OpenDetailsAsync(Guid rowId)
    {
        Engage(refocus: false);
        if (CanEdit)
        {
            // The panel's pickers.
            await EnsureChoicesAsync();
        }

        detailsId = rowId;
        StateHasChanged();
        if (presence is not null && CanEdit)
        {
            await presence.EditingAsync(rowId);
        }
    }

    public async Task CloseDetailsAsync()
    {
        detailsId = null;
        focusPending = true;
        StateHasChanged();
        if (presence is not null && editing is null)
        {
            await presence.EditingAsync(null);
        }
    }

    /// <summary>After a change made from the details panel: reload the row (or the whole tree when its shape changed).</summary>
    public async Task ChangedAsync(Guid rowId, bool structure)
    {
        await ReloadAsync(structure ? null : Lineage(rowId), true);
        StateHasChanged();
    }

    /// <summary>Opens the form adding a child of <paramref name="parentId"/> (an axis when null).</summary>
    public void OpenAdd(Guid? parentId)
    {
        var parent = parentId is { } id ? view?.Row(id) : null;
        var kind = parent?.Kind switch
        {
            null => PlanItemKind.Axis,
            PlanItemKind.Axis => PlanItemKind.Objective,
            _ => PlanItemKind.Action,
        };
        adding = new AddState(parentId, kind, parent?.TitleFr);
        addError = null;
        StateHasChanged();
    }

    private async Task SaveAddAsync((string TitleFr, string TitleAr) titles)
    {
        if (adding is not { } add)
        {
            return;
        }

        var outcome = await Plans.AddItemAsync(user, PlanId, new NewPlanItem(Guid.NewGuid(), add.ParentId, add.Kind, titles.TitleFr, titles.TitleAr), CancellationToken.None);
        if (!outcome.Succeeded)
        {
            addError = outcome.Error;
            return;
        }

        adding = null;
        if (add.ParentId is { } parent)
        {
            collapsed.Remove(parent);
        }

        await ReloadAsync(null, true);
        status = Text["Grid.Added"];
    }

    private void ExpandAll()
    {
        collapsed.Clear();
        Rebuild();
    }

    private void CollapseAll()
    {
        var id = focus.Row < shown.Count ? shown[focus.Row].Id : (Guid?)null;
        foreach (var row in view?.Rows.Where(r => r.HasChildren) ?? [])
        {
            collapsed.Add(row.Id);
        }

        Rebuild();
        RefocusOn(id);
    }

    private async Task RefreshAsync(IReadOnlyList<BusEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        HashSet<Guid>? only = [];
        foreach (var e in events)
        {
            if (e.Kind != PlanEvents.Items || PlanChange.Parse(e.Payload) is not { } change)
            {
                only = null;
                break;
            }

            only.UnionWith(change.Items.Select(i => i.Id));
            only.UnionWith(change.Ancestors);
        }

        var before = only is null ? null : Shape();
        await ReloadAsync(only, false, events);
        if (before is not null && Shape() is { } after && after.Equals(before))
        {
            UpdateRowsInPlace();
        }
    }

    /// <summary>
    /// What the page shows around its rows, when nothing of its own is open (details, an editor, a conflict, an add form):
    /// a live change that leaves it as it was is applied to the changed rows and the totals alone (ADR 0057).
    /// </summary>
    private PageShape? Shape() =>
        view is null || detailsId is not null || editing is not null || conflict is not null || adding is not null
            ? null
            : new PageShape((view.Plan.TitleFr, view.Plan.TitleAr, view.Plan.TitleEn, view.Plan.CanEdit), view.Institutions, view.People, view.Committees, shown.Count, windowStart,
                [.. Enumerable.Range(windowStart, WindowEnd - windowStart).Select(i => shown[i].Id)]);

    private void UpdateRowsInPlace()
    {
        if (batch is null)
        {
            return;
        }

        batch.Run(() =>
        {
            for (var i = windowStart; i < WindowEnd; i++)
            {
                if (rowComponents.TryGetValue(shown[i].Id, out var row))
                {
                    row.Refresh(shown[i]);
                }
            }

            totalsLine?.Show(TotalsText);
        });
        skipRender = true;
    }

    // Skips the render that follows a live change applied in place (FollowingComponent renders after each refresh).
    protected override bool ShouldRender()
    {
        if (skipRender)
        {
            skipRender = false;
            return false;
        }

        return true;
    }

    /// <summary>A row component of the window, to update in place (PlanGridRow attaches itself while rendered).</summary>
    internal void Attach(PlanGridRow row) => rowComponents[row.Row.Id] = row;

    internal void Detach(PlanGridRow row)
    {
        if (rowComponents.TryGetValue(row.Row.Id, out var attached) && ReferenceEquals(attached, row))
        {
            rowComponents.Remove(row.Row.Id);
        }
    }

    // The totals line of a snapshot's totals in a language: one string for every page of the node that shows them (ADR 0057).
    private static readonly ConditionalWeakTable<RollupResult, ConcurrentDictionary<(string, string, int), string>> TotalsTexts = new();

    private string TotalsText
    {
        get
        {
            var late = hiddenLate;
            foreach (var row in shown)
            {
                late += row.Late ? 1 : 0;
            }

            return TotalsTexts.GetValue(totals, _ => new()).GetOrAdd((CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name, late),
                static (key, page) => page.Text["Plan.Totals", page.totals.Progress is { } p ? PlanCellText.Percent(p) : "—", key.Item3,
                    PlanCellText.Money(page.totals.BudgetPlanned), PlanCellText.Money(page.totals.BudgetSpent)], this);
        }
    }

    private sealed record PageShape((string, string, string?, bool) Plan, object Institutions, object People, object Committees, int Shown, int WindowStart, Guid[] Window)
    {
        public bool Equals(PageShape? other) =>
            other is not null && Plan == other.Plan && ReferenceEquals(Institutions, other.Institutions) && ReferenceEquals(People, other.People)
            && ReferenceEquals(Committees, other.Committees) && Shown == other.Shown && WindowStart == other.WindowStart && Window.AsSpan().SequenceEqual(other.Window);

        public override int GetHashCode() => HashCode.Combine(Shown, WindowStart);
    }

    /// <summary>
    /// Reloads the plan from the node's shared snapshot; with <paramref name="only"/>, every other row keeps its record, so
    /// only the named rows render again (PlanGridRow.ShouldRender compares records by reference). Null: the tree's shape
    /// may have changed. <paramref name="own"/>: the page itself changed these rows (its event may come later), so they
    /// are read now; otherwise <paramref name="events"/> name the changes heard.
    /// </summary>
    private async Task ReloadAsync(IReadOnlySet<Guid>? only, bool own, IReadOnlyList<BusEvent>? events = null)
    {
        if (lease is null)
        {
            return;
        }

        var request = own ? (only is null ? PlanViewRequest.All : PlanViewRequest.Changed(only)) : PlanViewRequest.Heard(events ?? []);
        var fresh = await Plans.LoadLiveAsync(user, lease, request, view?.Plan.CanEdit, CancellationToken.None);
        if (fresh is null)
        {
            view = null;
            Rebuild();
            return;
        }

        view = view is null ? fresh : Merge(view, fresh, only);
        Cells = new PlanCellText(view, Choices, PlansText);
        var focused = focus.Row < shown.Count ? shown[focus.Row].Id : (Guid?)null;
        Rebuild();
        RefocusOn(focused);
        if (detailsId is { } d && view.Row(d) is null)
        {
            detailsId = null;
        }
    }

    /// <summary>The fresh view, with the records of rows the change does not name (or that did not change) kept as they were.</summary>
    public static PlanView Merge(PlanView current, PlanView fresh, IReadOnlySet<Guid>? only)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(fresh);
        // Most live changes keep the tree's shape: rows compared in place, and no list unless one differs (ADR 0057).
        List<PlanRow>? rows = null;
        var aligned = current.Rows.Count == fresh.Rows.Count;
        for (var i = 0; aligned && i < fresh.Rows.Count; i++)
        {
            var (before, r) = (current.Rows[i], fresh.Rows[i]);
            if (ReferenceEquals(before, r))
            {
                continue;
            }

            if (before.Id != r.Id)
            {
                aligned = false;
            }
            else if (Keep(before, r, only))
            {
                rows ??= [.. fresh.Rows];
                rows[i] = before;
            }
        }

        if (!aligned)
        {
            var old = current.Rows.ToDictionary(r => r.Id);
            rows = [.. fresh.Rows.Select(r => old.TryGetValue(r.Id, out var before) && Keep(before, r, only) ? before : r)];
        }

        // The shared snapshot keeps unchanged records already: then the page holds no list of its own.
        return rows is null || rows.SequenceEqual(fresh.Rows, ReferenceEqualityComparer.Instance) ? fresh : fresh with { Rows = rows };
    }

    // A row the change does not name keeps the page's record (it renders when its own change is heard); so does an equal one.
    private static bool Keep(PlanRow before, PlanRow fresh, IReadOnlySet<Guid>? only) =>
        (only is not null && !only.Contains(fresh.Id)) || Same(before, fresh);

    private static bool Same(PlanRow a, PlanRow b) => PlanRows.Same(a, b);

    /// <summary>A row and its ancestors: what an edit of the row may change.</summary>
    private HashSet<Guid> Lineage(Guid rowId)
    {
        var ids = new HashSet<Guid>();
        for (var row = view?.Row(rowId); row is not null; row = row.ParentId is { } p ? view!.Row(p) : null)
        {
            ids.Add(row.Id);
        }

        return ids;
    }

    private void Rebuild()
    {
        if (view is null)
        {
            shown = [];
            return;
        }

        Cells = new PlanCellText(view, Choices, PlansText);
        var source = view.Rows;
        totals = view.Totals;
        hiddenLate = 0;
        if (!filter.IsEmpty)
        {
            // The filter builds new records with roll-ups over the kept rows: a record equal to the previous one is
            // reused, so rows that did not change still skip rendering.
            var filtered = filter.Apply(view);
            source = [.. filtered.Rows.Select(r => filteredBefore.TryGetValue(r.Id, out var before) && Same(before, r) ? before : r)];
            filteredBefore = source.ToDictionary(r => r.Id);
            totals = filtered.Totals;
        }

        // Nothing folded: the page shows the (shared) rows themselves, no list of its own (ADR 0057).
        shown = collapsed.Count == 0 ? source : Unfolded(source);
        focus = new GridCell(Math.Clamp(focus.Row, 0, Math.Max(0, shown.Count - 1)), focus.Column);
        windowStart = Math.Clamp(windowStart, 0, Math.Max(0, shown.Count - WindowRows));
        KeepInWindow(focus.Row);
    }

    /// <summary>The rows not inside a folded row; counts the late ones hidden.</summary>
    private List<PlanRow> Unfolded(IReadOnlyList<PlanRow> source)
    {
        var list = new List<PlanRow>(source.Count);
        var hiddenBelowDepth = int.MaxValue;
        foreach (var row in source)
        {
            if (row.Depth > hiddenBelowDepth)
            {
                hiddenLate += row.Late ? 1 : 0;
                continue;
            }

            hiddenBelowDepth = collapsed.Contains(row.Id) && row.HasChildren ? row.Depth : int.MaxValue;
            list.Add(row);
        }

        return list;
    }

    private void RefocusOn(Guid? rowId)
    {
        if (rowId is not { } id)
        {
            return;
        }

        // The focused row rarely moves: looked at first, before a walk of the rows.
        var index = focus.Row < shown.Count && shown[focus.Row].Id == id ? focus.Row : -1;
        for (var i = 0; index < 0 && i < shown.Count; i++)
        {
            index = shown[i].Id == id ? i : -1;
        }

        if (index >= 0)
        {
            focus = focus with { Row = index };
            KeepInWindow(index);
        }
    }

    private void PresenceChanged()
    {
        if (presence is null)
        {
            return;
        }

        presenceByRow = Presence.In(PlanId).Where(p => p.Session != presence.Id)
            .GroupBy(p => p.RowId).ToDictionary(g => g.Key, g => (IReadOnlyList<PlanPresenceEntry>)[.. g.OrderBy(p => p.Name, StringComparer.Ordinal)]);
        StateHasChanged();
    }

    private async Task EndConflictPresenceAsync()
    {
        if (presence is not null && conflict is null && detailsId is null && editing is null)
        {
            await presence.EditingAsync(null);
        }
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var next = PlanFilter.Parse(e.Location);
        if (next != filter && view is not null)
        {
            filter = next;
            _ = InvokeAsync(() =>
            {
                Rebuild();
                StateHasChanged();
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        Dispose(true);
        lease?.Dispose();
        lease = null;
        if (presence is { } p)
        {
            presence = null;
            (Services.GetService(typeof(PlanPresenceCircuit)) as PlanPresenceCircuit)?.Remove(p);
            await p.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private sealed record EditState(Guid RowId, PlanField Field, string? Base, Guid Version);

    private sealed record ConflictState(PlanEditResult Result);

    private sealed record AddState(Guid? ParentId, PlanItemKind Kind, string? ParentTitle);
}
