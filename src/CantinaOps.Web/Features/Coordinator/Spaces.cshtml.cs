using CantinaOps.Domain;
using CantinaOps.Domain.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>Spaces: add, edit (name, notice, horizon, approval, opening hours per weekday), retire; their resources: add, rename, retire.</summary>
public sealed class SpacesModel(SiteSettings settings, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly IsoDayOfWeek[] Week = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday,
        IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    public Site Site { get; private set; } = null!;

    /// <summary>Set once the coordinator has seen the bookings the change affects and confirms it.</summary>
    [BindProperty] public bool Confirm { get; set; }

    public IReadOnlyList<AffectedBookings.Item> Preview { get; private set; } = [];

    /// <summary>The form the preview was made for, so confirming posts the same values.</summary>
    public Dictionary<string, string?> PendingForm { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Site = await settings.LoadAsync(cancellationToken);

    /// <summary>Saves one space; hours are typed per weekday as "09:00-12:00, 14:00-19:00" (empty: closed).</summary>
    public async Task<IActionResult> OnPostSpaceAsync(int spaceId, string name, int noticeMinutes, int horizonDays, bool requiresApproval,
        Dictionary<IsoDayOfWeek, string?> hours, CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        if (Site.Spaces.FirstOrDefault(s => s.Id == spaceId && s.IsActive) is not { } space)
        {
            return NotFound();
        }

        try
        {
            var parsed = Week.ToDictionary(d => d, d => OpeningHoursText.Parse(hours.GetValueOrDefault(d)));
            space.Configure(name, Duration.FromMinutes(noticeMinutes), horizonDays, requiresApproval);
            foreach (var (day, ranges) in parsed)
            {
                space.ReplaceHours(day, ranges);
            }
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            ModelState.AddModelError(string.Empty, $"{l["Coord.SpaceInvalid"]} {l["Coord.SpaceSettingsHint"]}");
            return Page();
        }

        if (await NeedsConfirmationAsync(cancellationToken))
        {
            return Page();
        }

        return this.Saved(await settings.SaveAsync(Site, "space.edit", space.Name, cancellationToken), l);
    }

    /// <summary>A new space, closed on every day until its hours are typed in: it offers nothing by surprise.</summary>
    public async Task<IActionResult> OnPostAddSpaceAsync(string? newName, SpaceKind newKind, int newNoticeMinutes, int newHorizonDays,
        bool newRequiresApproval, CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        if (this.RefusedAsTooLong(newName, TextLimits.Name, l, nameof(newName)))
        {
            return Page();
        }

        try
        {
            var space = Site.AddSpace(newName ?? string.Empty, newKind, Duration.FromMinutes(newNoticeMinutes), newHorizonDays, newRequiresApproval);
            return this.Saved(await settings.SaveAsync(Site, "space.add", space.Name, cancellationToken), l);
        }
        catch (ArgumentException)
        {
            ModelState.AddModelError(nameof(newName), $"{l["Coord.SpaceInvalid"]} {l["Coord.SpaceSettingsHint"]}");
            return Page();
        }
    }

    /// <summary>
    /// Retires a space with its resources, after the coordinator has read, in plain words, what it does and which
    /// coming bookings it leaves to move or cancel. Cannot be undone: its history stays, its name and machines do not come back.
    /// </summary>
    public async Task<IActionResult> OnPostRetireSpaceAsync(int spaceId, CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        if (Site.Spaces.FirstOrDefault(s => s.Id == spaceId && s.IsActive) is not { } space)
        {
            return NotFound();
        }

        RetiringResources = space.Resources.Count(r => r.IsActive);
        space.Retire();
        if (!Confirm)
        {
            Retiring = space;
            Preview = await settings.PreviewAsync(Site, cancellationToken);
            PendingForm = new Dictionary<string, string?> { ["spaceId"] = space.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            PendingHandler = "RetireSpace";
            return Page();
        }

        return this.Saved(await settings.SaveAsync(Site, "space.retire", space.Name, cancellationToken), l);
    }

    /// <summary>The space whose retirement waits for the coordinator's confirmation.</summary>
    public Space? Retiring { get; private set; }

    /// <summary>How many resources in use the retirement takes with it.</summary>
    public int RetiringResources { get; private set; }

    public async Task<IActionResult> OnPostAddResourceAsync(int spaceId, string? resourceName, ResourceKind kind, int capacity,
        CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        if (Site.Spaces.FirstOrDefault(s => s.Id == spaceId) is not { } space || string.IsNullOrWhiteSpace(resourceName))
        {
            ModelState.AddModelError(string.Empty, l["Coord.ResourceInvalid"]);
            return Page();
        }

        if (this.RefusedAsTooLong(resourceName, TextLimits.Name, l))
        {
            return Page();
        }

        if (space.CanHold(kind) is { } error)
        {
            this.AddError(error, l);
            return Page();
        }

        space.AddResource(resourceName.Trim(), kind, Math.Max(1, capacity));
        return this.Saved(await settings.SaveAsync(Site, "resource.add", resourceName, cancellationToken), l);
    }

    public async Task<IActionResult> OnPostResourceAsync(int resourceId, string? resourceName, bool retire, CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        if (Site.Spaces.SelectMany(s => s.Resources).FirstOrDefault(r => r.Id == resourceId) is not { } resource)
        {
            return NotFound();
        }

        if (!retire && this.RefusedAsTooLong(resourceName, TextLimits.Name, l))
        {
            return Page();
        }

        if (retire)
        {
            resource.Retire();
        }
        else if (!string.IsNullOrWhiteSpace(resourceName))
        {
            resource.Rename(resourceName);
        }

        if (retire && await NeedsConfirmationAsync(cancellationToken))
        {
            return Page();
        }

        return this.Saved(await settings.SaveAsync(Site, retire ? "resource.retire" : "resource.rename", resource.Name, cancellationToken), l);
    }

    /// <summary>The names families read for a resource, per language (empty: its kind and number in that language).</summary>
    public async Task<IActionResult> OnPostResourceNamesAsync(int resourceId, Dictionary<string, string?> names, CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        if (Site.Spaces.SelectMany(s => s.Resources).FirstOrDefault(r => r.Id == resourceId) is not { } resource)
        {
            return NotFound();
        }

        if (names.Any(n => !resource.SetLocalName(n.Key, n.Value)))
        {
            ModelState.AddModelError(string.Empty, l["Coord.FamilyNamesInvalid", Resource.MaxNameLength]);
            return Page();
        }

        return this.Saved(await settings.SaveAsync(Site, "resource.names", resource.Name, cancellationToken), l);
    }

    private async Task<bool> NeedsConfirmationAsync(CancellationToken cancellationToken)
    {
        if (Confirm || (Preview = await settings.PreviewAsync(Site, cancellationToken)).Count == 0)
        {
            return false;
        }

        PendingForm = Request.Form.Where(f => f.Key is not ("__RequestVerificationToken" or "Confirm"))
            .ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
        PendingHandler = Request.Query["handler"].ToString();
        return true;
    }

    public string PendingHandler { get; private set; } = string.Empty;
}
