using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Noress.App.Documents;
using Noress.App.Shared.Operations;

namespace Noress.App.Calls;

public sealed partial class ApplicationService
{
    /// <summary>The long answers' current texts by field, for a page that edits them in place; empty when not readable.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> LongTextsAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        var texts = new Dictionary<Guid, string>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CallerAsync(user, ct) is not { } caller
            || await db.Set<CallApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct) is not { } application
            || !CallsAccess.CanRead(caller, application))
        {
            return texts;
        }

        var documentsByField = await db.Set<ApplicationAnswer>().AsNoTracking().Where(a => a.ApplicationId == applicationId && a.DocumentId != null)
            .Select(a => new { a.FieldId, a.DocumentId }).ToListAsync(ct);
        foreach (var answer in documentsByField)
        {
            texts[answer.FieldId] = (await authority.GetHeadAsync(answer.DocumentId!.Value, ct))?.Text ?? string.Empty;
        }

        return texts;
    }

    /// <summary>
    /// Saves a long answer's whole text in place (an outside applicant's page: it has no access to the documents' editor,
    /// ADR 0041): the applicant's side only, while the application can change, within the field's limit; written as one
    /// update of the answer's document, so the submission reads it from where it reads every long answer.
    /// </summary>
    public async Task<Outcome<int>> SaveLongTextAsync(ClaimsPrincipal user, Guid applicationId, Guid fieldId, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        CallFormField? field;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var (_, call, refusal) = await ChangeableAsync(db, user, applicationId, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            field = await db.Set<CallFormField>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fieldId && f.CallId == call!.Id && f.Kind == FormFieldKind.LongText, ct);
            if (field is null)
            {
                return refuse["Error.UnknownField"];
            }

            if (text.Length > (field.MaxLength ?? CallLimits.MaxLongTextInline))
            {
                return refuse.Format("Error.TooLong", Label(field));
            }
        }

        var document = await LongTextDocumentAsync(user, applicationId, fieldId, ct);
        if (!document.Succeeded)
        {
            return document.Refusal!;
        }

        var head = await authority.GetHeadAsync(document.Value, ct);
        if (head is null)
        {
            return refuse["Error.NotFound"];
        }

        if (head.Text == text)
        {
            return Outcome<int>.Done(head.Version);
        }

        using var changes = JsonDocument.Parse(ChangeSet.Of(head.Text.Length, 0, head.Text.Length, text).ToJson());
        var pushed = await authority.PushAsync(document.Value, head.Version, [new IncomingUpdate("application-form", changes.RootElement)], CallsAccess.UserId(user)!.Value, ct);
        return pushed.Status switch
        {
            PushStatus.Accepted => Outcome<int>.Done(pushed.Version),
            PushStatus.Stale => refuse["Error.Stale"],
            _ => refuse.Format("Error.TooLong", Label(field)),
        };
    }
}
