using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CantinaOps.Web.Tests.Browser;

/// <summary>
/// Every page the app answers a GET on, as the app itself lists them (its endpoint data source and each page's
/// compiled GET handler, as the bad-input sweep finds its targets: a page added later is covered without editing
/// this test), opened by the role its authorization names (anonymous, family, desk, coordinator, partner), in each
/// of the interface's 11 languages: family pages on a 360×740 phone, staff pages at 1366×768 and, in Arabic, also at
/// 360 px. On each: no serious or critical axe-core finding (axe's target-size rule switched on), and every visible
/// link, button, input, select, textarea, summary and [role=button] at least 24×24 CSS px — 44×44 on the family's
/// pages (its layout, or a path under /Family). The one allowance is axe's own: a link inline in running text,
/// as WCAG 2.5.8 and axe's target-size rule leave it out, judged by axe's own isInTextBlock with that rule's options.
/// Closed &lt;details&gt; are opened first, so the forms they fold away are checked too.
/// <para>
/// Truly every page in every language, with the full axe rule set: translations change text length and direction,
/// and so wrapping, overlap and contrast over backgrounds, which a subset of languages would not see. It fits the
/// budget because one browser serves all, each role signs in once (its cookies copied into one context per
/// language), the pages of a context are read one after the other, two contexts at a time (two cores), and the
/// Arabic phone pass of a staff page resizes the page already loaded instead of loading it again.
/// </para>
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeEveryPageBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Anonymous = "anonymous", Family = "family", Desk = "desk", Coordinator = "coordinator", Partner = "partner";

    private readonly Dictionary<string, TimeSpan> _timings = new() { ["load"] = TimeSpan.Zero, ["check"] = TimeSpan.Zero };

    private sealed record PageToOpen(string Page, string Role, string Url, bool ForFamily);

    /// <summary>What is wrong (rule or target) where, in one language, with an example of it.</summary>
    private sealed record Finding(string Language, string Where, string What, string Example);

    private sealed record Seeded(int Household, string FamilyCode, string FamilyPin, int FamilyBooking, int PartnerBooking,
        int Laundry, string SlipToken);

    [SkippableFact]
    public async Task Every_page_in_every_language_has_no_serious_axe_finding_and_no_target_under_24_px_or_44_px_for_families()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var clock = Stopwatch.StartNew();
        var seeded = await SeedAsync();
        var pages = await PagesAsync(seeded);
        // A discovery that broke (no endpoints, every page skipped) must not pass for a clean sweep.
        Assert.True(pages.Count >= 40, $"only {pages.Count} pages found:\n" + string.Join("\n", pages.Select(p => p.Url)));
        foreach (var role in new[] { Anonymous, Family, Desk, Coordinator, Partner })
        {
            Assert.Contains(pages, p => p.Role == role);
        }

        var signedIn = new Dictionary<string, string?> { [Anonymous] = null };
        foreach (var role in new[] { Family, Desk, Coordinator, Partner })
        {
            signedIn[role] = await SignInAsync(role, seeded);
        }

        var failures = new List<Finding>();
        var redirects = new List<string>();
        var checks = 0;
        var runs = pages.GroupBy(p => p.Role).SelectMany(g => Languages.Supported.Select(l => (Role: g.Key, l.Tag, Pages: g.ToList()))).ToList();
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (run, _) =>
        {
            var (found, moved, count) = await CheckAsync(run.Role, run.Tag, run.Pages, signedIn[run.Role]);
            lock (failures)
            {
                failures.AddRange(found);
                redirects.AddRange(moved);
                checks += count;
            }
        });

        output.WriteLine($"{pages.Count} pages ({string.Join(", ", pages.GroupBy(p => p.Role).Select(g => $"{g.Count()} {g.Key}"))}) × " +
            $"{Languages.Supported.Count} languages: {checks} checks in {clock.Elapsed.TotalSeconds:0.0} s.");
        output.WriteLine($"Time in page loads {_timings["load"].TotalSeconds:0.0} s, in checks {_timings["check"].TotalSeconds:0.0} s (summed over both workers).");
        output.WriteLine("Redirecting (read where they land): " + string.Join(", ", redirects.Distinct().Order(StringComparer.Ordinal)));
        // One line per finding, with the languages it shows in.
        var grouped = failures.GroupBy(f => (f.Where, f.What))
            .Select(g => $"{g.Key.Where} [{(g.Select(f => f.Language).Distinct().Count() == Languages.Supported.Count ? "all languages" : string.Join(" ", g.Select(f => f.Language).Distinct()))}] " +
                $"{g.Key.What} — {g.First().Example}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(grouped.Count == 0, $"{grouped.Count} findings:\n" + string.Join("\n", grouped.Take(150)));
    }

    /// <summary>One role in one language: a context of its own, its pages one after the other.</summary>
    private async Task<(List<Finding> Failures, List<string> Redirects, int Checks)> CheckAsync(string role, string tag, List<PageToOpen> pages,
        string? storageState)
    {
        var failures = new List<Finding>();
        var redirects = new List<string>();
        var checks = 0;
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "fr-FR",
            StorageState = storageState,
        });
        context.SetDefaultTimeout(60_000);
        await Axe.InjectAsync(context);
        // The language as the Language page keeps it: the culture cookie (it wins over the browser's languages).
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={tag}|uic={tag}"), Url = app.BaseAddress.ToString(),
        }]);
        var page = await context.NewPageAsync();
        foreach (var target in pages)
        {
            var stopwatch = Stopwatch.StartNew();
            await page.SetViewportSizeAsync(target.ForFamily ? 360 : 1366, target.ForFamily ? 740 : 768);
            var response = await page.GotoAsync(target.Url);
            var landed = new Uri(page.Url).AbsolutePath;
            var asked = new Uri(app.BaseAddress, target.Url).AbsolutePath;
            if (response is null || (response.Status >= 400 && target.Page != "/Error"))
            {
                failures.Add(new Finding(tag, $"{role} {target.Url}", $"answers {response?.Status}", ""));
                continue;
            }

            if (!string.Equals(landed, asked, StringComparison.OrdinalIgnoreCase))
            {
                // A page that only sends on (a sign-out by GET, a scanned slip) is read where it lands; sent to a
                // sign-in or refusal page, the role was the wrong one.
                if ((role != Anonymous && landed.Contains("/Account/", StringComparison.Ordinal))
                    || (role == Family && landed.EndsWith("/Family/SignIn", StringComparison.Ordinal)))
                {
                    failures.Add(new Finding(tag, $"{role} {target.Url}", $"sends to {landed}", ""));
                }

                redirects.Add($"{target.Url} → {landed}");
                continue;
            }

            var loaded = stopwatch.Elapsed;
            var (language, family, found) = await FindingsAsync(page, target.ForFamily, $"{role} {target.Url}", tag);
            if (language != tag)
            {
                failures.Add(new Finding(tag, $"{role} {target.Url}", "not in its language", $"lang={language}"));
            }

            failures.AddRange(found);
            checks++;
            if (tag == "ar" && !family)
            {
                await page.SetViewportSizeAsync(360, 740);
                failures.AddRange((await FindingsAsync(page, false, $"{role} {target.Url} @360", tag)).Found);
                checks++;
            }

            lock (_timings)
            {
                _timings["load"] += loaded;
                _timings["check"] += stopwatch.Elapsed - loaded;
            }
        }

        return (failures, redirects, checks);
    }

    private sealed record Check(string Lang, bool Family, Axe.Violation[] Violations, string[][] Small);

    /// <summary>The page's language, whether it is the family's, its serious axe findings and its small targets, in one call.</summary>
    private static async Task<(string Language, bool Family, List<Finding> Found)> FindingsAsync(IPage page, bool forFamily, string where, string tag)
    {
        var check = (await page.EvaluateAsync<JsonElement>(CheckScript, forFamily)).Deserialize<Check>(JsonSerializerOptions.Web)!;
        var minimum = check.Family ? 44 : 24;
        var found = check.Violations
            .Select(v => new Finding(tag, where, $"{v.Id} ({v.Impact}): {v.Help}", string.Join(" | ", v.Nodes.Take(3))))
            .Concat(check.Small.Select(s => new Finding(tag, where, $"target under {minimum}×{minimum}: {s[0]}", s[1])))
            .ToList();
        return (check.Lang, check.Family, found);
    }

    /// <summary>
    /// Opens every &lt;details&gt;, runs axe (<see cref="Axe.SeriousViolationsScript"/>) and lists the visible
    /// targets smaller than the minimum: 44 px on the family's pages (a path under /Family, or the family's layout),
    /// 24 px elsewhere. A visually hidden target that shows on focus (the skip link) is measured focused. A link
    /// inline in running text is left out exactly as axe's target-size rule leaves it out (its matcher calls
    /// isInTextBlock with these options): nothing else is.
    /// </summary>
    private const string CheckScript = """
        async forFamily => {
            document.querySelectorAll('details').forEach(d => d.open = true);
            const family = forFamily || document.body.classList.contains('family');
            const minimum = family ? 44 : 24;
            const violations = await (
        """ + Axe.SeriousViolationsScript + """
            )();
            const small = [];
            axe.setup();
            try {
                for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')) {
                    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
                    let box = el.getBoundingClientRect();
                    if (box.width <= 1 || box.height <= 1) {
                        el.focus();
                        box = el.getBoundingClientRect();
                        el.blur();
                        if (box.width <= 1 || box.height <= 1) continue;
                    }
                    if (box.width >= minimum - 0.05 && box.height >= minimum - 0.05) continue;
                    if (el.matches('a') && axe.commons.dom.isInTextBlock(el, { noLengthCompare: true, includeInlineBlock: true })) continue;
                    // Named by tag, class and name (ids made of row numbers or GUIDs would split one finding in many).
                    const what = el.localName + (el.className ? '.' + [...el.classList].join('.') : '')
                        + (el.name ? `[name=${el.name}]` : '') + (el.type && el.localName === 'input' ? `[type=${el.type}]` : '');
                    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 30);
                    small.push([what, `"${text}" ${box.width.toFixed(1)}×${box.height.toFixed(1)}`]);
                }
            } finally {
                axe.teardown();
            }
            return { lang: document.documentElement.lang, family, violations, small };
        }
        """;

    /// <summary>The app's own pages with a GET, each once, with the role its authorization names and real ids where it needs one.</summary>
    private async Task<List<PageToOpen>> PagesAsync(Seeded seeded)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            // An Index page answers at two routes (/Desk and /Desk/Index): the shorter is enough.
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
            .Select(g => g.OrderBy(e => e.RoutePattern.RawText?.Length ?? 0).First());
        var pages = new List<PageToOpen>();
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var descriptor = endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var get = compiled.HandlerMethods.FirstOrDefault(h => h.Name is null && string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase));
            if (get is null && compiled.HandlerMethods.Count > 0)
            {
                continue; // posts only
            }

            var path = descriptor.ViewEnginePath;
            var role = RoleOf(endpoint);
            var route = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true } => "",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => ValueOf(path, parameter.Name, seeded) ?? Problem(parameter.Name),
                _ => "",
            })))).TrimEnd('/');
            var names = (get?.Parameters.Select(p => p.BindingInfo?.BinderModelName ?? p.Name) ?? [])
                .Concat(compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>()
                    .Where(b => b.Property.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true)
                        .Cast<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>().Any(a => a.SupportsGet))
                    .Select(b => b.BindingInfo?.BinderModelName ?? b.Name))
                .Where(n => !endpoint.RoutePattern.Parameters.Any(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase)))
                .Distinct(StringComparer.OrdinalIgnoreCase);
            var query = names.Select(n => (Name: n, Value: Needed(n) ? ValueOf(path, n, seeded) ?? Problem($"{path}?{n}") : null))
                .Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
            var url = (route.Length == 0 ? "/" : route) + (query.Count > 0 ? "?" + string.Join("&", query) : "");
            pages.Add(new PageToOpen(path, role ?? Problem($"the role of {path}"), url,
                ForFamily: path.StartsWith("/Family/", StringComparison.Ordinal)));
        }

        Assert.True(problems.Count == 0, "no value known for: " + string.Join(", ", problems));
        return pages.OrderBy(p => p.Url, StringComparer.Ordinal).ToList();

        string Problem(string what)
        {
            problems.Add(what);
            return "";
        }
    }

    /// <summary>The inputs that name a row: without one, such a page has nothing to show (or is not found).</summary>
    private static bool Needed(string name) => name.ToLowerInvariant() is "id" or "household" or "householdid" or "space" or "t";

    private static string? ValueOf(string page, string name, Seeded seeded) => name.ToLowerInvariant() switch
    {
        "id" when page.StartsWith("/Desk/Households/", StringComparison.Ordinal) => $"{seeded.Household}",
        "id" when page.StartsWith("/Family/", StringComparison.Ordinal) => $"{seeded.FamilyBooking}",
        "id" when page.StartsWith("/Partner/", StringComparison.Ordinal) => $"{seeded.PartnerBooking}",
        "household" or "householdid" => $"{seeded.Household}",
        "space" => $"{seeded.Laundry}",
        "t" => seeded.SlipToken,
        "token" => "an-unknown-link",
        _ => null,
    };

    /// <summary>The role that may open a page, from its endpoint's authorization (folder conventions and attributes).</summary>
    private static string? RoleOf(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Anonymous;
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? a.Roles ?? "").ToList();
        return policies.Count == 0 ? Anonymous
            : policies.Contains("Coordinator") || policies.Contains("Impact") ? Coordinator
            : policies.Contains("PartnerUser") ? Partner
            : policies.Contains("Staff") ? Desk
            : policies.Contains("Family") ? Family
            : null;
    }

    /// <summary>Rows for the pages to show: a family's bookings today and tomorrow, another's, a partner's block and a pending request.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var household = app.Site.Households[10];
        var desk = await app.SignedInAsync(TestSite.Desk);
        var booked = await desk.BookAsync(app.Site.Washer1, "2026-11-30T10:00", household);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var familyBooking = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(app.Site.Dryer, "2026-12-01T11:00", household)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(app.Site.Washer2, "2026-11-30T09:00", app.Site.Households[11])).StatusCode);
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var block = await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-02T08:00", "2026-12-02T12:00", app.Site.PartnerA);
        Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        var partnerBooking = (await block.JsonAsync()).GetProperty("id").GetInt32();
        await app.WithDbAsync(async db =>
        {
            var pro = await db.Spaces.SingleAsync(s => s.Resources.Any(r => r.Id == app.Site.ProKitchen));
            pro.Configure(pro.Name, pro.MinimumNotice, pro.HorizonDays, requiresApproval: true);
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<ScheduleCache>().Invalidate();
        Assert.Equal(HttpStatusCode.Created,
            (await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-03T08:00", "2026-12-03T12:00", app.Site.PartnerA)).StatusCode);

        var laundry = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());
        var code = await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Code).SingleAsync());
        var secrets = await app.IssueAccessAsync(household);
        var slip = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(PrintQueries.SlipPurpose)
            .Protect(household.ToString(CultureInfo.InvariantCulture));
        return new Seeded(household, code, secrets.Pin, familyBooking, partnerBooking, laundry, slip);
    }

    /// <summary>Signs a role in once, in a browser, and keeps its cookies for the contexts of every language.</summary>
    private async Task<string> SignInAsync(string role, Seeded seeded)
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        if (role == Family)
        {
            await page.GotoAsync("/Family/SignIn");
            await page.Locator("#Code").FillAsync(seeded.FamilyCode);
            await page.Locator("#Pin").FillAsync(seeded.FamilyPin);
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Family/SignIn", StringComparison.Ordinal));
        }
        else
        {
            await BrowserApp.SignInAsync(page, role switch { Desk => TestSite.Desk, Coordinator => TestSite.Coordinator, _ => TestSite.PartnerAUser });
        }

        return await context.StorageStateAsync();
    }
}
