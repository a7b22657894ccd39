using System.Security.Claims;
using System.Security.Cryptography;
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
public sealed class FamilyAccessService(CantinaOpsDb db, IClock clock)
{
    public const string Scheme = "Family";
    public const string HouseholdClaim = "cantinaops:household";

    private static readonly PasswordHasher<HouseholdAccess> Hasher = new();

    /// <summary>What the desk hands over: shown once, never stored in clear.</summary>
    public sealed record Secrets(string Pin, string LinkToken);

    public enum SignInResult { Success, Wrong, LockedOut }

    public async Task<Secrets> IssueAsync(Household household, CancellationToken cancellationToken)
    {
        var secrets = new Secrets(NewPin(), NewToken());
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

        return secrets;
    }

    public async Task<(SignInResult Result, Household? Household)> CheckPinAsync(string typedCode, string pin,
        CancellationToken cancellationToken)
    {
        var code = HouseholdCode.Normalise(typedCode);
        var household = await db.Households.SingleOrDefaultAsync(h => h.Code == code && h.IsActive, cancellationToken);
        var access = household is null ? null : await db.HouseholdAccess.FindAsync([household.Id], cancellationToken);
        return await CheckAsync(household, access, a => Verify(a.PinHash, pin), cancellationToken);
    }

    public async Task<Household?> CheckLinkAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SecretHash.Of(token);
        var access = await db.HouseholdAccess.SingleOrDefaultAsync(a => a.LinkTokenHash == hash, cancellationToken);
        return access is null
            ? null
            : await db.Households.SingleOrDefaultAsync(h => h.Id == access.HouseholdId && h.IsActive, cancellationToken);
    }

    /// <summary>Prepares a one-time code for the household with this phone; the desk can read it until SMS sending exists.</summary>
    public async Task<bool> IssueOneTimeCodeAsync(string phone, CancellationToken cancellationToken)
    {
        var household = await FindByPhoneAsync(phone, cancellationToken);
        var access = household is null ? null : await db.HouseholdAccess.FindAsync([household.Id], cancellationToken);
        if (access is null || access.IsLockedOut(clock.GetCurrentInstant()))
        {
            return false;
        }

        var code = NewPin();
        access.IssueOneTimeCode(Hasher.HashPassword(null!, code), code, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<(SignInResult Result, Household? Household)> CheckOneTimeCodeAsync(string phone, string code,
        CancellationToken cancellationToken)
    {
        var household = await FindByPhoneAsync(phone, cancellationToken);
        var access = household is null ? null : await db.HouseholdAccess.FindAsync([household.Id], cancellationToken);
        var now = clock.GetCurrentInstant();
        return await CheckAsync(household, access,
            a => a.OneTimeCodeValid(now) && Verify(a.OneTimeCodeHash!, code), cancellationToken);
    }

    public static ClaimsPrincipal Principal(Household household) =>
        new(new ClaimsIdentity([new Claim(HouseholdClaim, household.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], Scheme));

    public static int? HouseholdId(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(HouseholdClaim), out var id) ? id : null;

    /// <summary>Signs the family in and switches the pages to the language kept on its household.</summary>
    public static async Task SignInAsync(HttpContext http, Household household)
    {
        await http.SignInAsync(Scheme, Principal(household), new AuthenticationProperties { IsPersistent = false });
        http.Response.RememberCulture(household.Language);
    }

    private async Task<(SignInResult, Household?)> CheckAsync(Household? household, HouseholdAccess? access,
        Func<HouseholdAccess, bool> verify, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (household is null || access is null)
        {
            // Spend the same time as a real check so unknown codes cannot be told apart by timing.
            Verify(DummyHash, "000000");
            return (SignInResult.Wrong, null);
        }

        if (access.IsLockedOut(now))
        {
            return (SignInResult.LockedOut, null);
        }

        if (!verify(access))
        {
            access.RecordFailure(now);
            await db.SaveChangesAsync(cancellationToken);
            return (access.IsLockedOut(now) ? SignInResult.LockedOut : SignInResult.Wrong, null);
        }

        access.RecordSuccess();
        await db.SaveChangesAsync(cancellationToken);
        return (SignInResult.Success, household);
    }

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
