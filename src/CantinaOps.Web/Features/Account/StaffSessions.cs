using CantinaOps.Web.Data;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CantinaOps.Web.Features.Account;

/// <summary>
/// What a staff or partner account is right now — security stamp, roles, partner, active — read from
/// the database and kept briefly in memory, so that every request can be checked against it without a
/// query. <see cref="StaffUserManager"/> forgets an account whenever Identity changes it.
/// </summary>
public sealed class StaffSessions(IMemoryCache cache, IOptions<SecurityOptions> options)
{
    public sealed record Account(string SecurityStamp, IReadOnlyList<string> Roles, int? PartnerId, bool Active);

    private sealed record Key(string UserId);

    public async Task<Account?> FindAsync(CantinaOpsDb db, string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(new Key(userId), out Account? known))
        {
            return known;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.PartnerId, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        Account? account = null;
        if (user is not null)
        {
            var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancellationToken);
            account = new Account(user.SecurityStamp ?? string.Empty, roles, user.PartnerId, !StaffAccounts.IsDeactivated(user.LockoutEnd));
        }

        if (options.Value.SessionCacheSeconds > 0)
        {
            cache.Set(new Key(userId), account, TimeSpan.FromSeconds(options.Value.SessionCacheSeconds));
        }

        return account;
    }

    public void Forget(string userId) => cache.Remove(new Key(userId));
}

/// <summary>How a deactivated account is recognised: a lockout with no end (its history stays attached).</summary>
public static class StaffAccounts
{
    public static readonly DateTimeOffset DeactivatedUntil = DateTimeOffset.MaxValue;

    public static bool IsDeactivated(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end > DateTimeOffset.MaxValue.AddYears(-1);
}

/// <summary>Identity's user manager, which also drops the cached state of every account it changes.</summary>
public sealed class StaffUserManager(IUserStore<StaffUser> store, IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StaffUser> passwordHasher, IEnumerable<IUserValidator<StaffUser>> userValidators,
    IEnumerable<IPasswordValidator<StaffUser>> passwordValidators, ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors,
    IServiceProvider services, ILogger<UserManager<StaffUser>> logger, StaffSessions sessions)
    : UserManager<StaffUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    // Every change Identity makes to a user (stamp, roles, lockout, password) ends here.
    protected override async Task<IdentityResult> UpdateUserAsync(StaffUser user)
    {
        var result = await base.UpdateUserAsync(user);
        sessions.Forget(user.Id);
        return result;
    }
}
