using System.Data;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;
using Noress.App.Shared.Uploads;

namespace Noress.App.Members.Mou;

/// <summary>The memorandum's versions and the register of signatures, with the signed scans.</summary>
public sealed partial class MouService(
    IDbContextFactory<NoressDbContext> dbFactory,
    MembersAccess access,
    UploadStorage storage,
    UploadScanner scanner,
    IEventBus bus,
    NotificationService notifications,
    IStringLocalizer<MembersText> text,
    ILogger<MouService> logger,
    Refusals<MembersText> refuse)
{
    public const string ScanKind = "mou-scans";

    /// <summary>Published on the institution's topic whenever its signature changes, for live views and notifications.</summary>
    public const string ChangedEvent = "mou.changed";

    public long MaxScanBytes => storage.Options.MaxScanBytes;

    public async Task<MouRegister> GetRegisterAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.Set<MouVersion>().AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
        var rows = await (from i in db.Institutions.AsNoTracking()
                          join s in db.Set<MouSignature>() on i.Id equals s.InstitutionId into signatures
                          from s in signatures.DefaultIfEmpty()
                          orderby i.Acronym
                          select new { Institution = i, Signature = s }).ToListAsync(ct);
        var today = access.Today;
        return new MouRegister(
            versions,
            [.. rows.Select(r => new MouRegisterRow(r.Institution.Id, r.Institution.Acronym, r.Institution.NameFr, r.Institution.NameAr, r.Institution.Status,
                r.Signature, MemberStanding.IsInGoodStanding(r.Institution, r.Signature, today)))],
            await access.IsSecretariatAsync(user));
    }

    /// <summary>Adopts a new version; the number is the next one, and the unique index settles a race.</summary>
    public async Task<Outcome<Guid>> AddVersionAsync(ClaimsPrincipal user, string title, string markdown, DateOnly adoptedOn, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(markdown))
        {
            return refuse["Error.Required"];
        }

        if (title.Trim().Length > 256 || markdown.Length > 200_000)
        {
            return refuse["Error.TooLong"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var number = (await db.Set<MouVersion>().MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var version = new MouVersion
        {
            Number = number,
            Title = title.Trim(),
            Markdown = markdown,
            AdoptedOn = adoptedOn,
            CreatedById = MembersAccess.UserId(user),
            CreatedAt = access.UtcNow,
        };
        db.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return refuse["Error.Concurrency"];
        }

        return Outcome<Guid>.Done(version.Id);
    }

    /// <summary>Invites an institution to sign: creates its register entry.</summary>
    public async Task<Outcome<Guid>> InviteAsync(ClaimsPrincipal user, Guid institutionId, DateOnly invitedOn, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Institutions.AnyAsync(i => i.Id == institutionId, ct))
        {
            return refuse["Error.NotFound"];
        }

        if (await db.Set<MouSignature>().AnyAsync(s => s.InstitutionId == institutionId, ct))
        {
            return refuse["Error.AlreadyInvited"];
        }

        var signature = new MouSignature { InstitutionId = institutionId, Status = MouStatus.Invited, InvitedOn = invitedOn, UpdatedAt = access.UtcNow };
        db.Add(signature);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return refuse["Error.AlreadyInvited"];
        }

        await PublishChangedAsync(institutionId, ct);
        return Outcome<Guid>.Done(signature.Id);
    }

    /// <summary>Moves the institution's signature to <paramref name="to"/> when the state machine allows it.</summary>
    public async Task<Outcome<Guid>> MoveAsync(ClaimsPrincipal user, Guid institutionId, MouStatus to, MouStep step, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var signature = await db.Set<MouSignature>().SingleOrDefaultAsync(s => s.InstitutionId == institutionId, ct);
        if (signature is null)
        {
            return refuse["Error.NoSignature"];
        }

        if (!MouStateMachine.CanMove(signature.Status, to))
        {
            return refuse["Error.InvalidTransition"];
        }

        switch (to)
        {
            case MouStatus.Signed:
                if (string.IsNullOrWhiteSpace(step.SignatoryName))
                {
                    return refuse["Error.SignatoryRequired"];
                }

                if (step.SignatoryName.Trim().Length > 256)
                {
                    return refuse["Error.TooLong"];
                }

                signature.SignedOn = step.Date;
                signature.SignatoryName = step.SignatoryName.Trim();
                signature.ExpiresOn = step.ExpiresOn;
                break;
            case MouStatus.Countersigned:
                signature.CountersignedOn = step.Date;
                signature.ExpiresOn = step.ExpiresOn ?? signature.ExpiresOn;
                break;
            case MouStatus.Expired:
                signature.ExpiresOn = step.Date;
                break;
            case MouStatus.Renewed:
                if (step.ExpiresOn is not { } expires || expires <= step.Date)
                {
                    return refuse["Error.RenewalDate"];
                }

                signature.RenewedOn = step.Date;
                signature.ExpiresOn = expires;
                break;
            default:
                return refuse["Error.InvalidTransition"];
        }

        if (signature.ExpiresOn is { } end && signature.SignedOn is { } start && end < start)
        {
            return refuse["Error.RenewalDate"];
        }

        signature.Status = to;
        signature.UpdatedAt = access.UtcNow;
        var notified = await AddStepNotificationsAsync(db, institutionId, to, step.Date, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrency"];
        }

        await PublishChangedAsync(institutionId, ct);
        foreach (var userId in notified)
        {
            await notifications.PublishChangedAsync(userId, ct);
        }

        return Outcome<Guid>.Done(signature.Id);
    }

    /// <summary>
    /// Tells the institution's active people about the step, each in their own language, by adding the
    /// notifications (and their queued mails) to <paramref name="db"/>: they are saved with the step or not at all.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> AddStepNotificationsAsync(NoressDbContext db, Guid institutionId, MouStatus to, DateOnly date, CancellationToken ct)
    {
        var acronym = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Acronym).SingleAsync(ct);
        var recipients = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.InstitutionId == institutionId)
            .Select(u => new { u.Id, u.PreferredCulture })
            .ToListAsync(ct);
        var link = $"/members/{Uri.EscapeDataString(acronym)}";
        foreach (var recipient in recipients)
        {
            var (title, body) = NotificationMails.InCulture(recipient.PreferredCulture, () => (
                text["Mou.Notify.Title", acronym, text[$"Mou.Status.{to}"]].Value,
                text["Mou.Notify.Body", NoressFormat.LongDate(date)].Value));
            await notifications.AddAsync(db, recipient.Id, NotificationCategories.Membership, title, body, link, ct);
        }

        return [.. recipients.Select(r => r.Id)];
    }

    /// <summary>
    /// Stores the signed scan: a sanitised name without path segments, at most <see cref="MaxScanBytes"/>,
    /// and bytes that really are a PDF. Nothing is stored or changed when any check fails.
    /// </summary>
    public async Task<Outcome<Guid>> UploadScanAsync(ClaimsPrincipal user, Guid institutionId, string fileName, long size, Func<long, Stream> openRead, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (UploadChecks.SanitizeFileName(fileName) is not { } safeName)
        {
            return refuse["Error.FileName"];
        }

        if (!safeName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return refuse["Error.NotPdf"];
        }

        var content = await UploadReader.ReadAsync(size, MaxScanBytes, openRead, ct);
        if (content is null)
        {
            return refuse.Format("Error.ScanTooLarge", MaxScanBytes / 1024 / 1024);
        }

        if (!UploadChecks.IsPdf(content))
        {
            return refuse["Error.NotPdf"];
        }

        var scan = await scanner.ScanAsync(content, ct);
        if (scan.Upload is not { } scanned)
        {
            return refuse[UploadChecks.RefusalKey(scan.Status)];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var signature = await db.Set<MouSignature>().SingleOrDefaultAsync(s => s.InstitutionId == institutionId, ct);
        if (signature is null)
        {
            return refuse["Error.NoSignature"];
        }

        var previous = signature.ScanFile;
        var stored = await storage.SaveAsync(ScanKind, ".pdf", scanned, ct);
        signature.ScanFile = stored;
        signature.ScanFileName = safeName;
        signature.ScanSize = content.LongLength;
        signature.ScanUploadedAt = access.UtcNow;
        signature.UpdatedAt = access.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            storage.Delete(ScanKind, stored);
            return refuse["Error.Concurrency"];
        }

        storage.Delete(ScanKind, previous);
        LogScanStored(logger, institutionId, content.LongLength);
        await PublishChangedAsync(institutionId, ct);
        return Outcome<Guid>.Done(signature.Id);
    }

    /// <summary>The scan for the secretariat or a person of that institution; null when absent or not allowed.</summary>
    public async Task<(Stream Content, string FileName)?> OpenScanAsync(ClaimsPrincipal user, Guid institutionId, CancellationToken ct)
    {
        if (!await access.CanReadInstitutionFilesAsync(user, institutionId, ct))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scan = await db.Set<MouSignature>().AsNoTracking().Where(s => s.InstitutionId == institutionId)
            .Select(s => new { s.ScanFile, s.ScanFileName }).SingleOrDefaultAsync(ct);
        return scan is { ScanFile: { } file } && storage.OpenRead(ScanKind, file) is { } stream
            ? (stream, scan.ScanFileName ?? "memorandum.pdf")
            : null;
    }

    private Task PublishChangedAsync(Guid institutionId, CancellationToken ct) =>
        bus.PublishAsync(Topics.Institution(institutionId), new BusEvent(ChangedEvent), ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Memorandum scan stored for institution {InstitutionId} ({Bytes} bytes)")]
    private static partial void LogScanStored(ILogger logger, Guid institutionId, long bytes);
}

/// <param name="Date">The day of the step: signing, countersigning, expiry or renewal.</param>
/// <param name="SignatoryName">Who signed for the institution (signing only).</param>
/// <param name="ExpiresOn">Last day in force (signing, countersigning, renewal).</param>
public sealed record MouStep(DateOnly Date, string? SignatoryName = null, DateOnly? ExpiresOn = null);

public sealed record MouRegister(IReadOnlyList<MouVersion> Versions, IReadOnlyList<MouRegisterRow> Rows, bool CanEdit)
{
    public MouVersion? Current => Versions.Count > 0 ? Versions[0] : null;
}

public sealed record MouRegisterRow(Guid InstitutionId, string Acronym, string NameFr, string NameAr, MembershipStatus MembershipStatus, MouSignature? Signature, bool InGoodStanding);
