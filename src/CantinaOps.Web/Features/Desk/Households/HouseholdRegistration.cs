using System.Security.Cryptography;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Family;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using PhoneNumbers;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>
/// Registers a household — from the desk's page or the API alike: validates the form, normalises the phone,
/// gives a fresh code and the family's way in (PIN and sign-in link, shown once), writes the audit entry,
/// all in one transaction: a family never gets a code without a PIN.
/// </summary>
public sealed class HouseholdRegistration(CantinaOpsDb db, FamilyAccessService access, AuditLog audit, IClock clock)
{
    /// <param name="SamePhoneSeen">The phone whose warning was shown: registering it again goes through.</param>
    public sealed record Form(int? Size, string? Language, string? DisplayName, string? Phone, string? Hotel, string? SamePhoneSeen = null);

    /// <param name="SamePhone">Other active households with this phone: a warning, never a refusal (relatives share a phone).</param>
    /// <param name="Phone">The phone in E.164 form, as compared.</param>
    public sealed record Result(Household? Household, FamilyAccessService.Secrets? Secrets, Dictionary<string, string[]> Errors,
        IReadOnlyList<Known> SamePhone, string? Phone);

    public sealed record Known(int Id, string Code);

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <param name="askWhenPhoneKnown">The desk's page: a phone another household has stops once, with the warning, until
    /// the volunteer confirms (<see cref="Form.SamePhoneSeen"/>). The API registers and returns the warning.</param>
    public async Task<Result> RegisterAsync(Form form, CancellationToken cancellationToken, bool askWhenPhoneKnown = false)
    {
        var errors = Validate(form, out var phone);
        if (errors.Count > 0)
        {
            return new Result(null, null, errors, [], phone);
        }

        var samePhone = await SamePhoneAsync(phone, null, cancellationToken);
        if (askWhenPhoneKnown && samePhone.Count > 0 && form.SamePhoneSeen != phone)
        {
            return new Result(null, null, errors, samePhone, phone);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Codes are random, so a collision is rare; the unique index catches the race between two desks.
        for (var attempt = 0; ; attempt++)
        {
            var code = HouseholdCode.Generate(RandomNumberGenerator.GetInt32);
            if (await db.Households.AnyAsync(h => h.Code == code, cancellationToken))
            {
                continue;
            }

            var household = new Household(code, form.Size!.Value, form.Language!, clock.GetCurrentInstant(),
                form.DisplayName, phone, form.Hotel);
            db.Households.Add(household);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var secrets = await access.IssueAsync(household, cancellationToken);
                audit.Record("household.register", household.Code);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new Result(household, secrets, errors, samePhone, phone);
            }
            catch (DbUpdateException exception) when (Database.IsUniqueViolation(exception) && attempt < 5)
            {
                db.Entry(household).State = EntityState.Detached;
            }
        }
    }

    /// <summary>The other active households reached at <paramref name="phone"/> (E.164), but <paramref name="except"/>.</summary>
    public async Task<IReadOnlyList<Known>> SamePhoneAsync(string? phone, int? except, CancellationToken cancellationToken) =>
        phone is null
            ? []
            : await db.Households.AsNoTracking()
                .Where(h => h.Phone == phone && h.IsActive && h.MergedIntoId == null && h.Id != except)
                .OrderBy(h => h.Code).Take(5).Select(h => new Known(h.Id, h.Code)).ToListAsync(cancellationToken);

    /// <summary>The form's errors by field (empty when valid), and the phone in E.164 form.</summary>
    public static Dictionary<string, string[]> Validate(Form form, out string? phone)
    {
        var errors = new Dictionary<string, string[]>();
        if (form.Size is not (>= 1 and <= 30))
        {
            errors["size"] = ["size is the number of people, from 1 to 30."];
        }

        if (!Languages.IsSupported(form.Language))
        {
            errors["language"] = [$"language is one of {string.Join(", ", Languages.Supported.Select(l => l.Tag))}."];
        }

        phone = null;
        if (!string.IsNullOrWhiteSpace(form.Phone) && (phone = NormalisePhone(form.Phone)) is null)
        {
            errors["phone"] = ["phone is not a valid French or international number."];
        }

        if (form.DisplayName?.Length > 80 || form.Hotel?.Length > 120)
        {
            errors["displayName"] = ["displayName is at most 80 characters and hotel at most 120."];
        }

        return errors;
    }

    /// <summary>E.164 form of a French (default region) or international number; null when invalid.</summary>
    public static string? NormalisePhone(string typed)
    {
        try
        {
            var number = Phones.Parse(typed, "FR");
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
