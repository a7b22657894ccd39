using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CantinaOps.Web.Data;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CantinaOps.Web.Tests.Security;

/// <summary>
/// Every page handler and every API endpoint, as the app itself lists them (its endpoint data source
/// and each page's compiled handlers and bound properties, not a list written here), gets every bad
/// value of the corpus in each of its inputs, for each role, with a valid antiforgery token: no answer
/// may be a 5xx, and every API error is a problem body.
/// </summary>
public partial class BadInputSweepTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    /// <summary>Malformed, huge, negative, out-of-window dates, DST-gap and offset times, controls, long text.</summary>
    public static readonly string[] Corpus =
    [
        "", " ", "abc", "-1", "0", "2147483648", "-2147483649", "99999999999999999999", "1e400", "NaN", "true",
        "9999-12-31", "-0001-01-01", "0000-00-00", "2026-02-30", "9999-12", "-0001-01", "2026-13",
        "9999-12-30", "9999-12-31T23:59", "2027-03-28T02:30", "2027-03-28T02:00", "2026-12-01T09:00+14:00", "2026-12-01T09:00Z",
        "2026-12-01T09:00:00.123456789", "25:61", "\u0000", "\u202e\u0007\u001b[0m", "\t\r\n", "<script>x</script>", "' OR 1=1 --",
        "../../etc/passwd", "Bogus", "999999", new string('x', 5000), new string('9', 400),
    ];

    private sealed record Probe(string Method, string Path, string? Form, string? Json, string What);

    private sealed record Target(string Method, string RouteTemplate, string? Handler, IReadOnlyList<string> QueryFields,
        IReadOnlyList<string> FormFields, IReadOnlyList<JsonField> JsonFields, bool IsApi, string What);

    private sealed record JsonField(string Name, Type Type);

    [Fact]
    public async Task No_input_on_any_handler_or_endpoint_answers_a_5xx_for_any_role()
    {
        var targets = await DiscoverAsync();
        var pageRoutes = targets.Where(t => !t.IsApi).Select(t => t.RouteTemplate).Distinct().Count();
        var apiRoutes = targets.Where(t => t.IsApi).Select(t => t.Method + " " + t.RouteTemplate).Distinct().Count();
        Assert.True(pageRoutes >= 40, $"only {pageRoutes} page routes found");
        Assert.True(apiRoutes >= 15, $"only {apiRoutes} API routes found");

        var baseline = await BaselineAsync();
        var probes = targets.SelectMany(t => Probes(t, null)).Concat(targets.SelectMany(t => Probes(t, baseline))).ToList();
        var failures = new ConcurrentBag<string>();
        var roles = new (string Name, Func<Task<(HttpClient Client, string Token)>> SignIn)[]
        {
            ("anonymous", () => BrowserAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "/Account/Login")),
            ("family", async () => await BrowserAsync(await app.SignedInFamilyAsync(app.Site.Households[200]), "/Family")),
            ("desk", async () => await BrowserAsync(await app.SignedInBrowserAsync(TestSite.Desk), "/Desk")),
            ("coordinator", async () => await BrowserAsync(await app.SignedInBrowserAsync(TestSite.Coordinator), "/Coordinator/Rules")),
            ("partner", async () => await BrowserAsync(await app.SignedInBrowserAsync(TestSite.PartnerAUser), "/Partner")),
            ("desk-bearer", async () => (await app.SignedInAsync(TestSite.Desk), string.Empty)),
            ("partner-bearer", async () => (await app.SignedInAsync(TestSite.PartnerAUser), string.Empty)),
        };
        var sent = 0;
        // On PostgreSQL what changes is the engine, not who asks: the family, the coordinator (who may open every
        // staff and partner page and the whole API) and a partner reach every handler between them, in a third of
        // the time of all seven ways in.
        foreach (var (role, signIn) in roles.Where(r => !TestDatabase.IsPostgres || r.Name is "family" or "coordinator" or "partner"))
        {
            var (client, token) = await signIn();
            // Signing out last, so the role's session lasts the whole sweep.
            var bearer = role.EndsWith("-bearer", StringComparison.Ordinal);
            foreach (var probe in probes.Where(p => !bearer || p.Path.StartsWith("/api/", StringComparison.Ordinal))
                         .OrderBy(p => p.Path.Contains("Logout", StringComparison.Ordinal) || p.Path.Contains("SignOut", StringComparison.Ordinal)))
            {
                var response = await SendAsync(client, probe, token);
                sent++;
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{role} {probe.What}: {status}");
                }
                else if (probe.Path.StartsWith("/api/", StringComparison.Ordinal) && status >= 400
                    && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{role} {probe.What}: {status} without a problem body");
                }
            }
        }

        var inputs = probes.Count;
        output.WriteLine($"{pageRoutes} page routes, {apiRoutes} API routes, {targets.Count} handlers and endpoints, " +
            $"{Corpus.Length} bad values, {inputs} inputs per role, {sent} requests.");
        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join("\n", failures.Distinct().Order(StringComparer.Ordinal).Take(80)));
    }

    private static async Task<(HttpClient, string)> BrowserAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return (client, AntiforgeryToken().Match(html).Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Probe probe, string token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path);
        if (probe.Form is not null)
        {
            var body = probe.Form.Length == 0 ? $"__RequestVerificationToken={Uri.EscapeDataString(token)}"
                : $"{probe.Form}&__RequestVerificationToken={Uri.EscapeDataString(token)}";
            request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        }
        else if (probe.Json is not null)
        {
            request.Content = new StringContent(probe.Json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    /// <summary>
    /// Plausible values for the other fields while one gets a bad value, so the bad one reaches past the
    /// first check (a real wash for the dryer offer, a partner role with the partner's id...).
    /// </summary>
    private async Task<Dictionary<string, string>> BaselineAsync()
    {
        var family = app.Site.Households[200];
        var booked = await (await app.SignedInAsync(TestSite.Desk)).BookAsync(app.Site.Washer1, "2026-12-03T09:00", family);
        var bookingId = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        var spaceId = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId)));
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = $"{bookingId}", ["bookingId"] = $"{bookingId}", ["space"] = $"{spaceId}", ["spaceId"] = $"{spaceId}", ["spaceIds"] = $"{spaceId}",
            ["resource"] = $"{app.Site.Washer1}", ["resourceId"] = $"{app.Site.Washer1}", ["household"] = $"{family}", ["householdId"] = $"{family}",
            ["partnerId"] = $"{app.Site.PartnerA}", ["day"] = "2026-12-03", ["week"] = "2026-12-07", ["from"] = "2026-12-01", ["to"] = "2026-12-31",
            ["first"] = "2026-12-01", ["last"] = "2026-12-31", ["month"] = "2026-12", ["start"] = "2026-12-03T10:00", ["end"] = "2026-12-03T11:00",
            ["kind"] = "Washer", ["role"] = "Partner", ["size"] = "2", ["language"] = "fr", ["days"] = "Tuesday", ["preset"] = "Morning",
            ["email"] = "sweep@test.cantinaops.org", ["meals"] = "10", ["reason"] = "Sweep", ["name"] = "Sweep", ["text"] = "Sweep",
        };
        return ids;
    }

    private static string? BaselineOf(Dictionary<string, string> baseline, string field)
    {
        var last = field.Split('.', '[')[field.Split('.', '[').Length > 1 && field.Contains('[', StringComparison.Ordinal) ? 0 : ^1];
        return baseline.TryGetValue(last.TrimEnd(']'), out var value) ? value : null;
    }

    private static IEnumerable<Probe> Probes(Target target, Dictionary<string, string>? baseline)
    {
        if (baseline is not null)
        {
            foreach (var probe in BaselineProbes(target, baseline))
            {
                yield return probe;
            }

            yield break;
        }

        var routeParameters = RouteParameters().Matches(target.RouteTemplate).Select(m => m.Groups[1].Value).ToList();
        string Path(string? badRouteValue, string? query)
        {
            var path = RouteParameters().Replace(target.RouteTemplate, m => Uri.EscapeDataString(badRouteValue ?? (m.Groups[2].Success ? "1" : "x")));
            var all = new[] { target.Handler is null ? null : $"handler={target.Handler}", query }.Where(q => !string.IsNullOrEmpty(q));
            return "/" + path.TrimStart('/') + (all.Any() ? "?" + string.Join("&", all) : string.Empty);
        }

        string Pair(string field, string value) => $"{Uri.EscapeDataString(field)}={Uri.EscapeDataString(value)}";
        var isPost = target.Method != "GET";
        var emptyBody = isPost ? (target.JsonFields.Count > 0 || target.IsApi ? null : string.Empty) : null;

        yield return new Probe(target.Method, Path(null, null), emptyBody, target.IsApi && isPost ? "{}" : null, $"{target.What} (nothing)");
        foreach (var value in Corpus)
        {
            // A NUL in a path is refused by the HTTP server itself (400) before the app sees it.
            foreach (var _ in routeParameters.Where(_ => !value.Contains('\0', StringComparison.Ordinal)))
            {
                yield return new Probe(target.Method, Path(value, null), emptyBody, target.IsApi && isPost ? "{}" : null, $"{target.What} route={Show(value)}");
            }

            foreach (var field in target.QueryFields)
            {
                yield return new Probe(target.Method, Path(null, Pair(field, value)), emptyBody, target.IsApi && isPost ? "{}" : null,
                    $"{target.What} ?{field}={Show(value)}");
            }

            foreach (var field in target.FormFields)
            {
                yield return new Probe(target.Method, Path(null, null), Pair(field, value), null, $"{target.What} form {field}={Show(value)}");
            }

            if (target.FormFields.Count > 1)
            {
                yield return new Probe(target.Method, Path(null, null), string.Join("&", target.FormFields.Select(f => Pair(f, value))), null,
                    $"{target.What} form all={Show(value)}");
            }

            foreach (var field in target.JsonFields)
            {
                yield return new Probe(target.Method, Path(null, null), null, JsonBody(field, JsonSerializer.Serialize(value)),
                    $"{target.What} json {field.Name}={Show(value)}");
                if (value.Length < 30 && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    yield return new Probe(target.Method, Path(null, null), null, JsonBody(field, value), $"{target.What} json {field.Name}={value} (number)");
                }
            }
        }

        if (target.IsApi && isPost)
        {
            foreach (var malformed in new[] { "{", "null", "[]", "\"x\"", "{\"resourceId\":" })
            {
                yield return new Probe(target.Method, Path(null, null), null, malformed, $"{target.What} body {malformed}");
            }

            if (target.JsonFields.Count > 0)
            {
                // Every field at once with a plausible but out-of-window value.
                var all = "{" + string.Join(",", target.JsonFields.Select(f => $"\"{f.Name}\":{Plausible(f.Type)}")) + "}";
                yield return new Probe(target.Method, Path(null, null), null, all, $"{target.What} json all out of window");
            }
        }
    }

    private static IEnumerable<Probe> BaselineProbes(Target target, Dictionary<string, string> baseline)
    {
        var fields = target.QueryFields.Concat(target.FormFields).ToList();
        var json = target.JsonFields.Select(f => (Field: f, Value: BaselineOf(baseline, f.Name))).ToList();
        if (fields.All(f => BaselineOf(baseline, f) is null) && json.All(j => j.Value is null))
        {
            return [];
        }

        string Pair(string field, string value) => $"{Uri.EscapeDataString(field)}={Uri.EscapeDataString(value)}";
        string Fields(string bad, string value) => string.Join("&", fields.Select(f => f == bad ? Pair(f, value)
            : BaselineOf(baseline, f) is { } good ? Pair(f, good) : null).Where(p => p is not null));
        var route = "/" + RouteParameters().Replace(target.RouteTemplate, m => BaselineOf(baseline, m.Groups[1].Value) ?? "1").TrimStart('/');
        string Query(string extra) => route + "?" + string.Join("&", new[] { target.Handler is null ? null : $"handler={target.Handler}", extra }
            .Where(q => !string.IsNullOrEmpty(q)));
        var probes = new List<Probe>();
        foreach (var value in Corpus)
        {
            foreach (var field in fields)
            {
                var what = $"{target.What} {field}={Show(value)} (others valid)";
                probes.Add(target.Method == "GET" || target.IsApi
                    ? new Probe(target.Method, Query(Fields(field, value)), null, target.IsApi && target.Method != "GET" ? "{}" : null, what)
                    : new Probe(target.Method, Query(string.Empty), Fields(field, value), null, what));
            }

            foreach (var (field, _) in json)
            {
                var body = "{" + string.Join(",", json.Select(j => $"\"{j.Field.Name}\":" + (j.Field == field
                    ? Wrap(j.Field.Type, JsonSerializer.Serialize(value))
                    : j.Value is null ? "null" : Wrap(j.Field.Type, IsNumber(j.Field.Type) ? j.Value : JsonSerializer.Serialize(j.Value))))) + "}";
                probes.Add(new Probe(target.Method, Query(string.Empty), null, body, $"{target.What} json {field.Name}={Show(value)} (others valid)"));
            }
        }

        return probes;
    }

    private static bool IsNumber(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(int)
        || type.IsArray && type.GetElementType() == typeof(int);

    private static string JsonBody(JsonField field, string value) => $"{{\"{field.Name}\":{Wrap(field.Type, value)}}}";

    /// <summary>Arrays and dictionaries get the bad value inside them, as a client would send it.</summary>
    private static string Wrap(Type type, string value) =>
        IsDictionary(type) ? $"{{\"Bogus\":{value}}}"
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) ? $"[{value}]"
        : value;

    private static string Plausible(Type type) =>
        IsDictionary(type) ? "{\"9999-12-31\":\"skip\"}"
        : type == typeof(string[]) ? "[\"Tuesday\"]"
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) ? "[]"
        : Nullable.GetUnderlyingType(type) is { } inner && inner == typeof(int) || type == typeof(int) ? "1"
        : "\"9999-12-31T23:59\"";

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    private static string Show(string value) => value.Length > 20 ? $"{value[..8]}…({value.Length})" : Regex.Escape(value);

    private async Task<List<Target>> DiscoverAsync()
    {
        var targets = new List<Target>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var seenPages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (!seenPages.Add(page.ViewEnginePath))
                {
                    continue; // an Index page answers at two routes: one is enough
                }

                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                targets.AddRange(PageTargets(compiled, endpoint.RoutePattern.RawText ?? page.ViewEnginePath));
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
                && endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } method)
            {
                var body = endpoint.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType;
                foreach (var verb in methods.HttpMethods)
                {
                    targets.Add(new Target(verb, endpoint.RoutePattern.RawText!, null,
                        method.GetParameters().Where(p => IsSimple(p.ParameterType) && !endpoint.RoutePattern.Parameters.Any(r => r.Name == p.Name))
                            .Select(p => p.Name!).ToList(),
                        [],
                        body is null ? [] : body.GetProperties().Select(p => new JsonField(JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType)).ToList(),
                        IsApi: true, $"{verb} {endpoint.RoutePattern.RawText}"));
                }
            }
        }

        return targets;
    }

    private static IEnumerable<Target> PageTargets(CompiledPageActionDescriptor page, string route)
    {
        var bound = page.BoundProperties.OfType<PageBoundPropertyDescriptor>().ToList();
        foreach (var handler in page.HandlerMethods)
        {
            var isGet = string.Equals(handler.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
            var fields = handler.Parameters
                .Where(p => p.BindingInfo?.BindingSource is not { } source || (source != BindingSource.Services && source != BindingSource.Special))
                .Where(p => p.ParameterType != typeof(CancellationToken))
                .SelectMany(p => Fields(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0))
                .Concat(bound.Where(b => !isGet || b.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true)
                    .SelectMany(b => Fields(b.BindingInfo?.BinderModelName ?? b.Name, b.ParameterType, 0)))
                .Distinct(StringComparer.Ordinal).ToList();
            var what = $"{handler.HttpMethod.ToUpperInvariant()} /{route.TrimStart('/')}{(handler.Name is null ? "" : "?handler=" + handler.Name)}";
            yield return isGet
                ? new Target("GET", route, handler.Name, fields, [], [], IsApi: false, what)
                : new Target(handler.HttpMethod.ToUpperInvariant(), route, handler.Name, [], fields, [], IsApi: false, what);
        }
    }

    /// <summary>The form names a browser would send for an input of this type: dotted for objects, [key] for dictionaries.</summary>
    private static IEnumerable<string> Fields(string name, Type type, int depth)
    {
        if (IsSimple(type) || depth > 2)
        {
            return [name];
        }

        if (IsDictionary(type))
        {
            return [$"{name}[Bogus]", $"{name}[Monday]", $"{name}[Washer]", $"{name}[9999-12-31]"];
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return [name, $"{name}[0]", $"{name}[999999]"];
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .SelectMany(p => Fields($"{name}.{p.Name}", p.PropertyType, depth + 1));
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(Guid)
            || t.Namespace == "NodaTime";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"\{\*?([A-Za-z]+)(:int)?[^}]*\}")]
    private static partial Regex RouteParameters();
}
