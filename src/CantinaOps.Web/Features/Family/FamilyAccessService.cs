using System.Security.Claims;
using System.Security.Cryptography;
using CantinaOps.Domain.Access;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Data;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Family;

/// <summary>
/// Gives families their way in (code + PIN, a sign-in link printed as a QR code, a one-time code for a
/// recorded phone) and checks it. Secrets are shown once, to the desk, and only their hashes are kept.
/// </summary>
public sealed class FamilyAccessService(CantinaOpsDb db, Account.SignInGuard guard, Account.AccountRateLimits limits, IClock clock)
{
    public const string Scheme = "Family";
    public const string HouseholdClaim = "cantinaops:household";
    public const string StampClaim = "cantinaops:household-stamp";

    private static readonly PasswordHasher<HouseholdAccess> Hasher = new();

    /// <summary>What the desk hands over: shown once, never stored in clear.</summary>
    public sealed record Secrets(string Pin, string LinkToken);

    public enum SignInResult { Success, Wrong, LockedOut, TooMany }

    public async Task<Secrets> IssueAsync(Household household, CancellationToken cancellationToken)
    {
        var secrets = new Secrets(NewPin(), NewToken());
        // A new PIN is given when the old way in is no longer trusted: whoever used it is signed out.
        household.EndSessions();
        var access = await db.HouseholdAccess.FindAsync([household.Id], cancellationToken);
        var pinHash = Hasher.HashPassword(null!, secrets.Pin);
        if (access is null)
        {
            db.HouseholdAccess.Add(new HouseholdAccess(household.Id, pinHash, SecretHash.Of(secrets.LinkToken)));
        }
        else
        {
            access.ResetPin(pinHash);
            access.ResetLink(SecretHash.Of(secrets.LinkToken));
        }

        // The desk can always open a locked way in again by giving a new PIN.
        await guard.ClearAsync(WayIn.FamilyPin, household.Code, cancellationToken);
        return secrets;
    }

    public async Task<(SignInResult Result, Household? Household)> CheckPinAsync(string typedCode, string pin,
        CancellationToken cancellationToken)
    {
        var code = HouseholdCode.Normalise(typedCode);
        var household = await db.Households.SingleOrDefaultAsync(h => h.Code == code && h.IsActive, cancellationToken);
        var access = household is null ? null : await db.HouseholdAccess.FindAsync([household.Id], cancellationToken);
        return await CheckAsync(WayIn.FamilyPin, code, household, access, a => a.PinHash, pin, cancellationToken);
    }

    public async Task<Household?> CheckLinkAsync(string token, CancellationToken cancellationToken)
    {
        if (!limits.TryAcquire(Account.Purpose.Links, token))
        {
            return null;
        }

        var hash = SecretHash.Of(token);
        var access = await db.HouseholdAccess.SingleOrDefaultAsync(a => a.LinkTokenHash == hash, cancellationToken);
        return access is null
            ? null
            : await db.Households.SingleOrDefaultAsync(h => h.Id == access.HouseholdId && h.IsActive, cancellationToken);
    }

    /// <summary>Prepares a one-time code for the household with this phone; the desk can read it until SMS sending exists.</summary>
    public async Task<bool> IssueOneTimeCodeAsync(string phone, CancellationToken cancellationToken)
    {
        if (!limits.TryAcquire(Account.Purpose.FamilySignIn, "send:" + PhoneKey(phone)))
        {
            return false;
        }

        var household = await FindByPhoneAsync(phone, cancellationToken);
        var access = household is null ? null : await db.HouseholdAccess.FindAsync([household.Id], cancellationToken);
        // Hashed before knowing whether it is needed, so a known number takes as long as an unknown one.
        var code = NewPin();
        var codeHash = Hasher.HashPassword(null!, code);
        if (access is null || await guard.IsLockedOutAsync(WayIn.FamilyPhoneCode, PhoneKey(phone), cancellationToken))
        {
            return false;
        }

        access.IssueOneTimeCode(codeHash, code, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<(SignInResult Result, Household? Household)> CheckOneTimeCodeAsync(string phone, string code,
        CancellationToken cancellationToken)
    {
        var household = await FindByPhoneAsync(phone, cancellationToken);
        var access = household is null ? null : await db.HouseholdAccess.FindAsync([household.Id], cancellationToken);
        var valid = access?.OneTimeCodeValid(clock.GetCurrentInstant()) == true ? access : null;
        return await CheckAsync(WayIn.FamilyPhoneCode, PhoneKey(phone), household, valid, a => a.OneTimeCodeHash!, code, cancellationToken);
    }

    public static ClaimsPrincipal Principal(Household household) =>
        new(new ClaimsIdentity([
            new Claim(HouseholdClaim, household.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(StampClaim, household.SecurityStamp),
        ], Scheme));

    public static int? HouseholdId(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(HouseholdClaim), out var id) ? id : null;

    /// <summary>Signs the family in and switches the pages to the language kept on its household.</summary>
    public static async Task SignInAsync(HttpContext http, Household household)
    {
        await http.SignInAsync(Scheme, Principal(household), new AuthenticationProperties { IsPersistent = false });
        http.Response.RememberCulture(household.Language);
    }

    /// <summary>
    /// Failures count against what was typed, on this way in only, whether or not it names a household:
    /// an unknown code locks, and takes as long, as a known one.
    /// </summary>
    private async Task<(SignInResult, Household?)> CheckAsync(WayIn way, string typed, Household? household, HouseholdAccess? access,
        Func<HouseholdAccess, string> hash, string secret, CancellationToken cancellationToken)
    {
        if (!limits.TryAcquire(Account.Purpose.FamilySignIn, $"{way}:{typed}"))
        {
            return (SignInResult.TooMany, null);
        }

        if (await guard.IsLockedOutAsync(way, typed, cancellationToken))
        {
            return (SignInResult.LockedOut, null);
        }

        var verified = Verify(access is null ? DummyHash : hash(access), secret);
        if (!verified || household is null || access is null)
        {
            return (await guard.RecordFailureAsync(way, typed, cancellationToken) ? SignInResult.LockedOut : SignInResult.Wrong, null);
        }

        await guard.ClearAsync(way, typed, cancellationToken);
        access.RecordSuccess();
        await db.SaveChangesAsync(cancellationToken);
        return (SignInResult.Success, household);
    }

    /// <summary>What a phone way in is counted against: the number as normalised, or as typed when it is no number.</summary>
    private static string PhoneKey(string typed) => Desk.Households.HouseholdRegistration.NormalisePhone(typed) ?? typed.Trim();

    private async Task<Household?> FindByPhoneAsync(string typed, CancellationToken cancellationToken)
    {
        var phone = Desk.Households.HouseholdRegistration.NormalisePhone(typed);
        return phone is null
            ? null
            : await db.Households.Where(h => h.Phone == phone && h.IsActive).OrderBy(h => h.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static readonly string DummyHash = Hasher.HashPassword(null!, "dummy-pin");

    private static bool Verify(string hash, string secret) =>
        secret.Length is > 0 and <= 12 && Hasher.VerifyHashedPassword(null!, hash, secret.Trim()) != PasswordVerificationResult.Failed;

    private static string NewPin() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
