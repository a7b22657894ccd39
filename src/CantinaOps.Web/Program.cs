using CantinaOps.Web.Data;
using CantinaOps.Web.Data.Demo;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Desk;
using CantinaOps.Web.Features.Desk.Households;
using CantinaOps.Web.Features.Family;
using CantinaOps.Web.Features.Impact;
using CantinaOps.Web.Features.Coordinator;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Features.Partner;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Features.Waitlist;
using CantinaOps.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCantinaOpsOptions(builder.Configuration);
builder.Services.AddCantinaOpsDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddCantinaOpsClock(builder.Configuration, builder.Environment);
builder.Services.AddStaffSignIn(builder.Configuration);
builder.Services.AddCantinaOpsLocalization();
builder.Services.AddHttpContextAccessor();
PublicLinks.AddPublicLinks(builder.Services, builder.Configuration);
builder.Services.AddCantinaOpsForwardedHeaders(builder.Configuration);
builder.Services.AddRazorPages(options =>
{
    options.RootDirectory = "/Features";
    options.Conventions.AuthorizeFolder("/Desk", Policies.Staff);
    options.Conventions.AuthorizeFolder("/Audit", Policies.Coordinator);
    options.Conventions.AuthorizeFolder("/Family", Policies.Family);
    options.Conventions.AuthorizeFolder("/Partner", Policies.PartnerUser);
    options.Conventions.AuthorizeFolder("/Coordinator", Policies.Coordinator);
    options.Conventions.AuthorizeFolder("/Print", Policies.Staff);
    options.Conventions.AuthorizeFolder("/Impact", Policies.Impact);
})
    .AddViewLocalization();
// Pages carry French, Arabic, Cyrillic... as text rather than numeric character references.
builder.Services.AddWebEncoders(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddProblemDetails();
// Malformed requests answer 400 with a problem body in every environment, never a developer page.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
builder.Services.AddCantinaOpsDataProtection(builder.Configuration);
builder.Services.AddOpenApi(CantinaOps.Web.Features.Api.ApiDocument.Configure);
builder.Services.AddCantinaOpsJobs(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScheduling().AddDesk().AddFamily().AddPartners().AddPrint().AddCoordinator().AddWaitlist().AddImpact();

var app = builder.Build();

await app.PrepareDatabaseAsync(seedDemo: app.Environment.IsDevelopment() || args.Contains("--seed-demo"));

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    // The API answers a failure with problem details; a page with the app's own error page.
    app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
    app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/Error/500"));
}

// Pages go out compressed when the browser asks (see Compression), every answer with the security headers.
app.UseCantinaOpsCompression();
app.UseCantinaOpsSecurityHeaders();
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/jobs"),
    pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapJobsDashboard();

app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.ApiUser).WithTags("CantinaOps");
api.MapAuthApi();
api.MapResourcesApi();
api.MapAvailabilityApi();
api.MapHouseholdsApi();
api.MapBookingsApi();
api.MapWaitlistApi();
api.MapRequestsApi();
api.MapPartnersApi();
app.MapImpactApi();
app.MapCalendarFeeds();
app.MapRazorPages();

await app.ScheduleRecurringJobsAsync();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
