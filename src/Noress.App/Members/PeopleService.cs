using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;

namespace Noress.App.Members;

/// <summary>People of the member institutions: profiles, and deactivation that takes effect at once.</summary>
public sealed partial class PeopleService(
    IDbContextFactory<NoressDbContext> dbFactory,
    MembersAccess access,
    ILookupNormalizer normalizer,
    IEventBus bus,
    AccountMails accountMails,
    TimeProvider clock,
    ILogger<PeopleService> logger,
    Refusals<MembersText> refuse)
{
    /// <summary>Published on the person's user topic; their open circuits sign out when they hear it.</summary>
    public const string DeactivatedEvent = "person.deactivated";

    public async Task<PeoplePage> SearchAsync(ClaimsPrincipal user, string? search, int skip, int take, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Outside initiatives' accounts belong to no institution and are not people of the network (ADR 0038).
        var people = db.Users.AsNoTracking().Where(u => u.InstitutionId != null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            people = people.Where(u => u.FullName.ToLower().Contains(term) || (u.FullNameAr != null && u.FullNameAr.Contains(term))
                || (u.Email != null && u.Email.ToLower().Contains(term)) || u.Institution!.Acronym.ToLower().Contains(term));
        }

        var total = await people.CountAsync(ct);
        var rows = await people.OrderBy(u => u.FullName).Skip(skip).Take(take)
            .Select(u => new PersonRow(u.Id, u.FullName, u.FullNameAr, u.JobTitle, u.Email, u.InstitutionId!.Value, u.Institution!.Acronym, u.IsActive, u.IsDemo))
            .ToListAsync(ct);
        return new PeoplePage(rows, total);
    }

    public async Task<PersonDetails?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.AsNoTracking().Include(u => u.Institution).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name!).ToListAsync(ct);
        var mandates = await db.Set<RepresentativeMandate>().AsNoTracking().Where(m => m.UserId == id)
            .OrderByDescending(m => m.StartsOn)
            .Select(m => new MandateRow(m.Id, m.UserId, person.FullName, m.Role, m.StartsOn, m.EndsOn, m.CreatedAt))
            .ToListAsync(ct);
        var isSecretariat = await access.IsSecretariatAsync(user);
        var isSelf = MembersAccess.UserId(user) == id;
        return new PersonDetails(
            person.Id,
            PersonInput.From(person),
            person.Institution?.Acronym ?? string.Empty,
            BilingualText.Preferred(person.Institution?.NameFr, person.Institution?.NameAr),
            person.IsActive,
            person.IsDemo,
            [.. roles.Order()],
            mandates,
            isSecretariat || isSelf,
            isSecretariat && !isSelf,
            isSecretariat && !isSelf);
    }

    /// <summary>
    /// The secretariat edits anyone; a person edits their own profile but not their institution, nor their
    /// sign-in address, which changes only through Account/Manage/Email (password and confirmation, ADR 0012).
    /// </summary>
    public async Task<Outcome<Guid>> UpdateAsync(ClaimsPrincipal user, Guid id, PersonInput input, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        var isSecretariat = await access.IsSecretariatAsync(user);
        if (!isSecretariat && MembersAccess.UserId(user) != id)
        {
            throw new UnauthorizedAccessException("Only the secretariat may edit another person's profile.");
        }

        if (Validate(input) is { } error)
        {
            return refuse[error];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (person is null)
        {
            return refuse["Error.NotFound"];
        }

        var email = input.Email.Trim();
        var emailChanges = !string.Equals(person.Email, email, StringComparison.Ordinal);
        if (emailChanges && MembersAccess.UserId(user) == id)
        {
            return refuse["Error.OwnEmailByConfirmation"];
        }

        var normalizedEmail = normalizer.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.Id != id && (u.NormalizedEmail == normalizedEmail || u.NormalizedUserName == normalizedEmail), ct))
        {
            return refuse["Error.EmailTaken"];
        }

        if (isSecretariat && input.InstitutionId != person.InstitutionId)
        {
            if (!await db.Institutions.AnyAsync(i => i.Id == input.InstitutionId, ct))
            {
                return refuse["Error.NotFound"];
            }

            person.InstitutionId = input.InstitutionId;
        }

        if (emailChanges)
        {
            // The old address hears of it in the same save, so a change its owner did not make does not go unnoticed.
            if (person.Email is { } oldEmail)
            {
                OutboxMail.Add(db, accountMails.EmailChanged(person.PreferredCulture, oldEmail, person.FullName, email), IdempotencyKeys.ForAccountMail("email-changed", Guid.NewGuid()), person.PreferredCulture, NotificationCategories.Accounts, person.Id, clock.GetUtcNow().UtcDateTime);
            }

            // The e-mail is the sign-in name: both change together, and the new stamp ends sessions under the old name.
            person.Email = email;
            person.NormalizedEmail = normalizedEmail;
            person.UserName = email;
            person.NormalizedUserName = normalizer.NormalizeName(email);
            person.SecurityStamp = NewStamp();
        }

        person.FullName = input.FullName.Trim();
        person.FullNameAr = string.IsNullOrWhiteSpace(input.FullNameAr) ? null : input.FullNameAr.Trim();
        person.JobTitle = string.IsNullOrWhiteSpace(input.JobTitle) ? null : input.JobTitle.Trim();
        person.PhoneNumber = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        person.PreferredCulture = input.PreferredCulture;
        person.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return refuse["Error.EmailTaken"];
        }

        return Outcome<Guid>.Done(id);
    }

    /// <summary>
    /// Deactivates or reactivates a person. Deactivation renews the security stamp (cookies issued before are
    /// refused on the next request) and tells the person's open circuits to sign out now.
    /// </summary>
    public async Task<Outcome<Guid>> SetActiveAsync(ClaimsPrincipal user, Guid id, bool active, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        if (MembersAccess.UserId(user) == id)
        {
            return refuse["Error.DeactivateSelf"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (person is null)
        {
            return refuse["Error.NotFound"];
        }

        if (person.IsActive == active)
        {
            return Outcome<Guid>.Done(id);
        }

        person.IsActive = active;
        person.SecurityStamp = NewStamp();
        person.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
        LogActiveChanged(logger, id, active);
        if (!active)
        {
            await bus.PublishAsync(Topics.User(id), new BusEvent(DeactivatedEvent), ct);
        }

        return Outcome<Guid>.Done(id);
    }

    internal static string? Validate(PersonInput input)
    {
        if (string.IsNullOrWhiteSpace(input.FullName) || string.IsNullOrWhiteSpace(input.Email))
        {
            return "Error.Required";
        }

        if (!MailAddress.TryCreate(input.Email.Trim(), out var address) || address.Address != input.Email.Trim())
        {
            return "Error.EmailInvalid";
        }

        if (input.FullName.Length > 200 || input.FullNameAr?.Length > 200 || input.JobTitle?.Length > 200 || input.Phone?.Length > 32 || input.Email.Length > 256)
        {
            return "Error.TooLong";
        }

        return input.PreferredCulture is "fr" or "ar" or "en" ? null : "Error.Required";
    }

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} active set to {Active}")]
    private static partial void LogActiveChanged(ILogger logger, Guid personId, bool active);
}

public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total);

public sealed record PersonRow(Guid Id, string FullName, string? FullNameAr, string? JobTitle, string? Email, Guid InstitutionId, string InstitutionAcronym, bool IsActive, bool IsDemo);

public sealed record PersonDetails(
    Guid Id,
    PersonInput Profile,
    string InstitutionAcronym,
    string InstitutionName,
    bool IsActive,
    bool IsDemo,
    IReadOnlyList<string> Roles,
    IReadOnlyList<MandateRow> Mandates,
    bool CanEdit,
    bool CanChangeActive,
    bool CanEditEmail);

public sealed class PersonInput
{
    public string FullName { get; set; } = string.Empty;

    public string? FullNameAr { get; set; }

    public string? JobTitle { get; set; }

    public string? Phone { get; set; }

    public string Email { get; set; } = string.Empty;

    public string PreferredCulture { get; set; } = "fr";

    public Guid InstitutionId { get; set; }

    public static PersonInput From(NoressUser u) => new()
    {
        FullName = u.FullName,
        FullNameAr = u.FullNameAr,
        JobTitle = u.JobTitle,
        Phone = u.PhoneNumber,
        Email = u.Email ?? string.Empty,
        PreferredCulture = u.PreferredCulture.Split('-')[0],
        InstitutionId = u.InstitutionId ?? Guid.Empty,
    };
}
