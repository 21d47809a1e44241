using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Uploads;

namespace Noress.App.Plans.Exchange;

// The import page's state: the workbook read once, checked by the service (preview), saved by it (all or nothing).
public sealed partial class PlanImportPage
{
    private PlanView? view;
    private bool loaded;
    private PlanImportPreview? preview;
    private byte[]? content;
    private string? fileName;
    private string? error;
    private string? saved;
    private bool saving;

    // Creating a plan from the file: what the caller may create, and the plan chosen.
    private NewPlanChoices? choices;
    private PlanKind kind;
    private Guid? committeeId;
    private string? titleFr;
    private string? titleAr;
    private string? titleEn;
    private PlanImportCreated? created;

    /// <summary>The plan to import into; empty on <c>/action-plans/import</c>, which creates a plan from the file.</summary>
    [Parameter]
    public Guid PlanId { get; set; }

    private NewPlan Wanted => new(kind, kind == PlanKind.Thematic ? committeeId : null, titleFr ?? string.Empty, titleAr ?? string.Empty, titleEn);

    protected override async Task OnParametersSetAsync()
    {
        var user = await CurrentUser.GetPrincipalAsync();
        if (PlanId == Guid.Empty)
        {
            choices = await Plans.NewPlanChoicesAsync(user, CancellationToken.None);
            kind = choices.Committees.Count > 0 ? PlanKind.Thematic : PlanKind.Strategic;
            committeeId = choices.Committees.Count == 1 ? choices.Committees[0].Id : null;
        }
        else
        {
            view = await Plans.LoadAsync(user, PlanId, CancellationToken.None);
        }

        loaded = true;
    }

    private async Task KindChangedAsync(PlanKind value)
    {
        kind = value;
        await PreviewAgainAsync();
    }

    private async Task CommitteeChangedAsync(Guid? value)
    {
        committeeId = value;
        await PreviewAgainAsync();
    }

    /// <summary>A new plan's preview depends on which plan it creates (the committee new rows default to): checked again.</summary>
    private async Task PreviewAgainAsync()
    {
        if (content is not null)
        {
            await PreviewAsync(content);
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        (error, saved, preview, content) = (null, null, null, null);
        if (file is null)
        {
            return;
        }

        fileName = UploadChecks.SanitizeFileName(file.Name);
        var bytes = await UploadReader.ReadAsync(file.Size, PlanExchangeService.MaxImportBytes, max => file.OpenReadStream(max), CancellationToken.None);
        if (bytes is null)
        {
            error = T["Import.FileTooLarge", NoressFormat.Number(PlanExchangeService.MaxImportBytes / (1024 * 1024)) + " MB"];
            return;
        }

        if (!PlanSheetFile.LooksLikeXlsx(bytes))
        {
            error = T["Import.FileType"];
            return;
        }

        await PreviewAsync(bytes);
    }

    private async Task PreviewAsync(byte[] bytes)
    {
        (error, preview) = (null, null);
        var user = await CurrentUser.GetPrincipalAsync();
        var outcome = PlanId == Guid.Empty
            ? await Exchange.PreviewNewAsync(user, Wanted, bytes, CancellationToken.None)
            : await Exchange.PreviewAsync(user, PlanId, bytes, CancellationToken.None);
        if (outcome.Succeeded)
        {
            (preview, content) = (outcome.Value, bytes);
        }
        else
        {
            (error, content) = (outcome.Error, PlanId == Guid.Empty ? bytes : null);
        }
    }

    private async Task SaveAsync()
    {
        if (content is null || saving)
        {
            return;
        }

        saving = true;
        try
        {
            var user = await CurrentUser.GetPrincipalAsync();
            if (PlanId == Guid.Empty)
            {
                var outcome = await Exchange.ImportNewAsync(user, Wanted, content, CancellationToken.None);
                (created, error) = (outcome.Value, outcome.Error);
                if (outcome.Succeeded)
                {
                    (preview, content) = (null, null);
                }

                return;
            }

            var import = await Exchange.ImportAsync(user, PlanId, content, CancellationToken.None);
            if (import.Value is { } s)
            {
                saved = T["Import.Saved", s.ItemsAdded, s.ItemsUpdated, s.IndicatorRowsAdded, s.IndicatorRowsUpdated];
                (preview, content) = (null, null);
                view = await Plans.LoadAsync(user, PlanId, CancellationToken.None);
            }
            else
            {
                error = import.Error;
            }
        }
        finally
        {
            saving = false;
        }
    }
}
