using System.Net.Mail;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Members.Mou;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Uploads;

namespace Noress.App.Members;

/// <summary>The institution directory: search, details, creation and edits, status changes and logos.</summary>
public sealed partial class InstitutionService(IDbContextFactory<NoressDbContext> dbFactory, MembersAccess access, UploadStorage storage, UploadScanner scanner, Refusals<MembersText> refuse)
{
    public const string LogoKind = "logos";

    /// <summary>Segments the members area uses itself, which an acronym may not take.</summary>
    private static readonly string[] ReservedAcronyms = ["NEW", "PEOPLE", "MOU", "FILES"];

    public async Task<DirectoryPage> SearchAsync(ClaimsPrincipal user, DirectoryQuery query, int skip, int take, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db.Institutions.AsNoTracking(), query);
        var total = await filtered.CountAsync(ct);
        var rows = await Project(db, filtered.OrderBy(i => i.Acronym).Skip(skip).Take(take)).ToListAsync(ct);
        return new DirectoryPage([.. rows.Select(r => r.ToRow(access.Today))], total);
    }

    /// <summary>Every row matching the filters, for the CSV and XLSX exports.</summary>
    public async Task<IReadOnlyList<DirectoryRow>> ExportAsync(ClaimsPrincipal user, DirectoryQuery query, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Project(db, Filter(db.Institutions.AsNoTracking(), query).OrderBy(i => i.Acronym)).ToListAsync(ct);
        return [.. rows.Select(r => r.ToRow(access.Today))];
    }

    /// <summary>Finds an institution by acronym (any case) or id.</summary>
    public async Task<InstitutionDetails?> GetAsync(ClaimsPrincipal user, string key, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var acronym = key.Trim().ToUpperInvariant();
        var institution = Guid.TryParse(key, out var id)
            ? await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct)
            : await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Acronym == acronym, ct);
        if (institution is null)
        {
            return null;
        }

        var history = await db.Set<InstitutionStatusChange>().AsNoTracking()
            .Where(c => c.InstitutionId == institution.Id).OrderByDescending(c => c.ChangedAt).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => u.InstitutionId == institution.Id)
            .OrderBy(u => u.FullName)
            .Select(u => new PersonSummary(u.Id, u.FullName, u.FullNameAr, u.JobTitle, u.Email, u.IsActive))
            .ToListAsync(ct);
        var mandates = await (from m in db.Set<RepresentativeMandate>().AsNoTracking()
                              join u in db.Users on m.UserId equals u.Id
                              where m.InstitutionId == institution.Id
                              orderby m.StartsOn descending
                              select new MandateRow(m.Id, m.UserId, u.FullName, m.Role, m.StartsOn, m.EndsOn, m.CreatedAt)).ToListAsync(ct);
        var signature = await db.Set<MouSignature>().AsNoTracking().SingleOrDefaultAsync(s => s.InstitutionId == institution.Id, ct);
        var today = access.Today;
        var representation = RepresentationResolver.Resolve(mandates.Select(m => new MandateFacts(m.UserId, m.Role, m.StartsOn, m.EndsOn)), today, new HashSet<Guid>());
        return new InstitutionDetails(
            institution,
            history,
            people,
            mandates,
            representation,
            signature,
            MemberStanding.IsInGoodStanding(institution, signature, today),
            await access.IsSecretariatAsync(user));
    }

    public async Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal user, InstitutionInput input, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (Validate(input) is { } error)
        {
            return refuse[error];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var acronym = NormalizeAcronym(input.Acronym);
        if (await db.Institutions.AnyAsync(i => i.Acronym == acronym, ct))
        {
            return refuse["Error.AcronymTaken"];
        }

        var now = access.UtcNow;
        var institution = new Institution { Acronym = acronym, NameFr = input.NameFr.Trim(), NameAr = input.NameAr.Trim(), CreatedAt = now };
        Apply(institution, input);
        institution.MemberSince = input.MemberSince is { } since ? DateTime.SpecifyKind(since.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc) : now;
        db.Institutions.Add(institution);
        db.Add(new InstitutionStatusChange
        {
            InstitutionId = institution.Id,
            Status = MembershipStatus.Active,
            EffectiveOn = DateOnly.FromDateTime(institution.MemberSince.Value),
            ChangedById = MembersAccess.UserId(user),
            ChangedAt = now,
        });
        return await SaveAsync(db, institution.Id, ct);
    }

    public async Task<Outcome<Guid>> UpdateAsync(ClaimsPrincipal user, Guid id, InstitutionInput input, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (Validate(input) is { } error)
        {
            return refuse[error];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return refuse["Error.NotFound"];
        }

        var acronym = NormalizeAcronym(input.Acronym);
        if (await db.Institutions.AnyAsync(i => i.Acronym == acronym && i.Id != id, ct))
        {
            return refuse["Error.AcronymTaken"];
        }

        institution.Acronym = acronym;
        Apply(institution, input);
        if (input.MemberSince is { } since)
        {
            institution.MemberSince = DateTime.SpecifyKind(since.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        }

        return await SaveAsync(db, id, ct);
    }

    /// <summary>Suspends, withdraws or reinstates: updates the institution and appends a history row in one save.</summary>
    public async Task<Outcome<Guid>> ChangeStatusAsync(ClaimsPrincipal user, Guid id, MembershipStatus status, DateOnly effectiveOn, string? reason, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (status == MembershipStatus.Suspended && reason is null)
        {
            return refuse["Error.ReasonRequired"];
        }

        if (reason?.Length > 1000)
        {
            return refuse["Error.TooLong"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return refuse["Error.NotFound"];
        }

        if (institution.Status == status)
        {
            return refuse["Error.SameStatus"];
        }

        institution.Status = status;
        institution.SuspendedOn = status == MembershipStatus.Suspended ? effectiveOn : null;
        institution.SuspensionReason = status == MembershipStatus.Suspended ? reason : null;
        institution.WithdrawnOn = status == MembershipStatus.Withdrawn ? effectiveOn : null;
        db.Add(new InstitutionStatusChange
        {
            InstitutionId = id,
            Status = status,
            EffectiveOn = effectiveOn,
            Reason = reason,
            ChangedById = MembersAccess.UserId(user),
            ChangedAt = access.UtcNow,
        });
        return await SaveAsync(db, id, ct, "Error.Concurrency");
    }

    /// <summary>Replaces the logo with a PNG or JPEG image; the bytes decide the type, not the name.</summary>
    public async Task<Outcome<Guid>> SetLogoAsync(ClaimsPrincipal user, Guid id, long size, Func<long, Stream> openRead, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        var max = storage.Options.MaxLogoBytes;
        var content = await UploadReader.ReadAsync(size, max, openRead, ct);
        if (content is null)
        {
            return refuse["Error.LogoTooLarge"];
        }

        if (UploadChecks.ImageKind(content) is not { } kind)
        {
            return refuse["Error.LogoNotImage"];
        }

        var scan = await scanner.ScanAsync(content, ct);
        if (scan.Upload is not { } scanned)
        {
            return refuse[UploadChecks.RefusalKey(scan.Status)];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return refuse["Error.NotFound"];
        }

        var previous = institution.LogoFile;
        institution.LogoFile = await storage.SaveAsync(LogoKind, kind.Extension, scanned, ct);
        institution.LogoContentType = kind.ContentType;
        var result = await SaveAsync(db, id, ct, "Error.Concurrency");
        storage.Delete(LogoKind, result.Succeeded ? previous : institution.LogoFile);
        return result;
    }

    public async Task<(Stream Content, string ContentType)?> OpenLogoAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var logo = await db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.LogoFile, i.LogoContentType }).SingleOrDefaultAsync(ct);
        return logo is { LogoFile: { } file, LogoContentType: { } type } && storage.OpenRead(LogoKind, file) is { } stream ? (stream, type) : null;
    }

    internal static string NormalizeAcronym(string acronym) => acronym.Trim().ToUpperInvariant();

    /// <summary>The MembersText key of the first problem with <paramref name="input"/>, or null when it is valid.</summary>
    internal static string? Validate(InstitutionInput input)
    {
        var acronym = NormalizeAcronym(input.Acronym ?? string.Empty);
        if (acronym.Length == 0 || string.IsNullOrWhiteSpace(input.NameFr) || string.IsNullOrWhiteSpace(input.NameAr))
        {
            return "Error.Required";
        }

        if (!AcronymPattern().IsMatch(acronym) || ReservedAcronyms.Contains(acronym))
        {
            return "Error.AcronymInvalid";
        }

        if (input.NameFr.Trim().Length > 256 || input.NameAr.Trim().Length > 256 || input.Address?.Length > 512 || input.City?.Length > 128
            || input.Phone?.Length > 32 || input.Email?.Length > 256 || input.Website?.Length > 256)
        {
            return "Error.TooLong";
        }

        if (!string.IsNullOrWhiteSpace(input.Email) && !MailAddress.TryCreate(input.Email.Trim(), out _))
        {
            return "Error.EmailInvalid";
        }

        if (!string.IsNullOrWhiteSpace(input.Website)
            && !(Uri.TryCreate(input.Website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return "Error.WebsiteInvalid";
        }

        return null;
    }

    private static void Apply(Institution institution, InstitutionInput input)
    {
        institution.NameFr = input.NameFr.Trim();
        institution.NameAr = input.NameAr.Trim();
        institution.Category = input.Category;
        institution.Address = Clean(input.Address);
        institution.City = Clean(input.City);
        institution.Phone = Clean(input.Phone);
        institution.Email = Clean(input.Email);
        institution.Website = Clean(input.Website);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Saves; for creations and edits, a unique-index violation from a concurrent save is the same duplicate-acronym refusal.</summary>
    private async Task<Outcome<Guid>> SaveAsync(NoressDbContext db, Guid id, CancellationToken ct, string conflictError = "Error.AcronymTaken")
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<Guid>.Done(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrency"];
        }
        catch (DbUpdateException)
        {
            return refuse[conflictError];
        }
    }

    private static IQueryable<Institution> Filter(IQueryable<Institution> institutions, DirectoryQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            institutions = institutions.Matching(query.Search);
        }

        if (query.Category is { } category)
        {
            institutions = institutions.Where(i => i.Category == category);
        }

        if (query.Status is { } status)
        {
            institutions = institutions.Where(i => i.Status == status);
        }

        return institutions;
    }

    private static IQueryable<DirectoryProjection> Project(NoressDbContext db, IQueryable<Institution> institutions) =>
        from i in institutions
        join s in db.Set<MouSignature>() on i.Id equals s.InstitutionId into signatures
        from s in signatures.DefaultIfEmpty()
        select new DirectoryProjection(i.Id, i.Acronym, i.NameFr, i.NameAr, i.Category, i.City, i.Phone, i.Email, i.Website,
            i.Status, i.MemberSince, i.SuspendedOn, i.WithdrawnOn, i.LogoFile != null, i.IsDemo,
            s == null ? null : s.Status, s == null ? null : s.SignedOn, s == null ? null : s.ExpiresOn);

    [GeneratedRegex("^[A-Z0-9][A-Z0-9&.\\-]{0,31}$")]
    private static partial Regex AcronymPattern();

    private sealed record DirectoryProjection(
        Guid Id, string Acronym, string NameFr, string NameAr, InstitutionCategory Category, string? City, string? Phone, string? Email, string? Website,
        MembershipStatus Status, DateTime? MemberSince, DateOnly? SuspendedOn, DateOnly? WithdrawnOn, bool HasLogo, bool IsDemo,
        MouStatus? MouStatus, DateOnly? SignedOn, DateOnly? ExpiresOn)
    {
        public DirectoryRow ToRow(DateOnly today) => new(
            Id, Acronym, NameFr, NameAr, Category, City, Phone, Email, Website, Status, MemberSince, HasLogo, IsDemo, MouStatus,
            MemberStanding.IsInGoodStanding(new StandingFacts(Status, SuspendedOn, WithdrawnOn, MouStatus, SignedOn, ExpiresOn), today));
    }
}

public sealed record DirectoryQuery(string? Search = null, InstitutionCategory? Category = null, MembershipStatus? Status = null);

public sealed record DirectoryPage(IReadOnlyList<DirectoryRow> Rows, int Total);

public sealed record DirectoryRow(
    Guid Id, string Acronym, string NameFr, string NameAr, InstitutionCategory Category, string? City, string? Phone, string? Email, string? Website,
    MembershipStatus Status, DateTime? MemberSince, bool HasLogo, bool IsDemo, MouStatus? MouStatus, bool InGoodStanding);

public sealed class InstitutionInput
{
    public string Acronym { get; set; } = string.Empty;

    public string NameFr { get; set; } = string.Empty;

    public string NameAr { get; set; } = string.Empty;

    public InstitutionCategory Category { get; set; } = InstitutionCategory.Other;

    public string? Address { get; set; }

    public string? City { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public DateOnly? MemberSince { get; set; }

    public static InstitutionInput From(Institution i) => new()
    {
        Acronym = i.Acronym,
        NameFr = i.NameFr,
        NameAr = i.NameAr,
        Category = i.Category,
        Address = i.Address,
        City = i.City,
        Phone = i.Phone,
        Email = i.Email,
        Website = i.Website,
        MemberSince = i.MemberSince is { } since ? DateOnly.FromDateTime(since) : null,
    };
}

public sealed record PersonSummary(Guid Id, string FullName, string? FullNameAr, string? JobTitle, string? Email, bool IsActive);

public sealed record MandateRow(Guid Id, Guid UserId, string FullName, RepresentativeRole Role, DateOnly StartsOn, DateOnly? EndsOn, DateTime CreatedAt);

public sealed record InstitutionDetails(
    Institution Institution,
    IReadOnlyList<InstitutionStatusChange> History,
    IReadOnlyList<PersonSummary> People,
    IReadOnlyList<MandateRow> Mandates,
    Representation Current,
    MouSignature? Signature,
    bool InGoodStanding,
    bool CanEdit);
