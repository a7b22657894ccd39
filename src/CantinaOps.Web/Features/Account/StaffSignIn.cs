using CantinaOps.Domain.Access;
using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace CantinaOps.Web.Features.Account;

/// <summary>
/// The one staff sign-in, for the page (cookie) and the API (bearer token). An unknown e-mail, a
/// deactivated account, an account whose password is not chosen yet and a wrong password all cost one
/// password hash and count one failure against the typed e-mail: the answer and its time are the same.
/// </summary>
public sealed class StaffSignIn(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInGuard guard,
    AccountRateLimits limits)
{
    public enum Result { Success, Wrong, LockedOut, TooMany }

    private static readonly string DummyHash = new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), "not-a-password-of-anyone");

    public async Task<Result> SignInAsync(string email, string password, string scheme, Purpose purpose,
        CancellationToken cancellationToken)
    {
        var typed = users.NormalizeEmail(email.Trim()) ?? string.Empty;
        if (!limits.TryAcquire(purpose, typed))
        {
            return Result.TooMany;
        }

        if (await guard.IsLockedOutAsync(WayIn.StaffPassword, typed, cancellationToken))
        {
            return Result.LockedOut;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        var verified = users.PasswordHasher.VerifyHashedPassword(user ?? new StaffUser(), user?.PasswordHash ?? DummyHash, password)
            != PasswordVerificationResult.Failed;
        if (!verified || user is null || StaffAccounts.IsDeactivated(user.LockoutEnd) || !await signIn.CanSignInAsync(user))
        {
            return await guard.RecordFailureAsync(WayIn.StaffPassword, typed, cancellationToken) ? Result.LockedOut : Result.Wrong;
        }

        await guard.ClearAsync(WayIn.StaffPassword, typed, cancellationToken);
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInAsync(user, isPersistent: false);
        return Result.Success;
    }
}
