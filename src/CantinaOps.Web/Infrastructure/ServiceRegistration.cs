using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Family;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace CantinaOps.Web.Infrastructure;

public static class Policies
{
    /// <summary>Desk volunteers and coordinators.</summary>
    public const string Staff = nameof(Staff);
    public const string Coordinator = nameof(Coordinator);

    /// <summary>Any signed-in staff or partner user, by cookie or bearer token.</summary>
    public const string ApiUser = nameof(ApiUser);

    /// <summary>The impact figures: coordinators and funders.</summary>
    public const string Impact = nameof(Impact);

    /// <summary>A partner association's user (coordinators may open partner pages too).</summary>
    public const string PartnerUser = nameof(PartnerUser);

    /// <summary>A family signed in with its code and PIN, its link or its phone.</summary>
    public const string Family = nameof(Family);
}

public static class ServiceRegistration
{
    private const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddCantinaOpsClock(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        // The one place the real clock is named; everything else receives IClock.
#pragma warning disable RS0030
        IClock clock = SystemClock.Instance;
#pragma warning restore RS0030
        // Only in the test environment: several app processes of one test share a date, whatever the day the test runs.
        if (environment.IsEnvironment("Testing") && configuration["Testing:ClockStart"] is { Length: > 0 } start)
        {
            clock = new StartedClock(NodaTime.Text.InstantPattern.General.Parse(start).Value, clock);
        }

        services.AddSingleton(clock);
        return services;
    }

    /// <summary>A clock that starts at a given instant and runs at the real clock's pace.</summary>
    private sealed class StartedClock(Instant start, IClock real) : IClock
    {
        private readonly Instant _origin = real.GetCurrentInstant();

        public Instant GetCurrentInstant() => start + (real.GetCurrentInstant() - _origin);
    }

    public static IServiceCollection AddStaffSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Staff cookie or API bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddCookie(FamilyAccessService.Scheme, options =>
            {
                // A family's phone is often shared: the session ends with the browser and after 12 idle hours.
                options.Cookie.Name = "cantinaops.family";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.HttpOnly = true;
                options.LoginPath = "/Family/SignIn";
                options.AccessDeniedPath = "/Family/SignIn";
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<StaffUser>(options =>
            {
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 10;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CantinaOpsDb>()
            .AddUserManager<StaffUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/Denied";
            options.Cookie.Name = "cantinaops.staff";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            // API callers get status codes, not a redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Desk, Roles.Coordinator))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Policies.ApiUser, p => p.RequireRole(Roles.Operational))
            .AddPolicy(Policies.Impact, p => p.RequireRole(Roles.Coordinator, Roles.Funder))
            .AddPolicy(Policies.PartnerUser, p => p.RequireRole(Roles.Partner))
            .AddPolicy(Policies.Family, p => p.AddAuthenticationSchemes(FamilyAccessService.Scheme)
                .RequireClaim(FamilyAccessService.HouseholdClaim));

        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddMemoryCache();
        services.AddSingleton<StaffSessions>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, SessionCheck>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, WithdrawnSessionChallenge>();
        // Short-lived access tokens, timed by the app's clock like everything else.
        services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<IClock, Microsoft.Extensions.Options.IOptions<SecurityOptions>>((options, clock, security) =>
            {
                options.BearerTokenExpiration = TimeSpan.FromMinutes(security.Value.AccessTokenMinutes);
                options.RefreshTokenExpiration = TimeSpan.FromHours(security.Value.RefreshTokenHours);
                options.TimeProvider = new ClockTimeProvider(clock);
            });

        services.AddRateLimits();
        return services;
    }

    /// <summary>NodaTime's clock seen as a <see cref="TimeProvider"/>, for ASP.NET Core components that take one.</summary>
    internal sealed class ClockTimeProvider(IClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<
        Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
