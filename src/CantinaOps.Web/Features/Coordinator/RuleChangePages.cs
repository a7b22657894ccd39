using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>What every page that changes a rule answers once the change is saved.</summary>
internal static class RuleChangePages
{
    /// <summary>"Saved", or "Saved, N bookings no longer fit" and on to the affected bookings to handle them.</summary>
    public static IActionResult Saved(this PageModel page, int affected, IStringLocalizer l)
    {
        page.TempData["Message"] = affected > 0 ? l["Coord.SavedAffected", affected].Value : l["Household.Saved"].Value;
        return affected > 0 ? page.RedirectToPage("Affected") : page.RedirectToPage();
    }

    /// <summary>True, with the form error "too long: N characters, M at most", when a text exceeds its column (<see cref="Domain.TextLimits"/>).</summary>
    public static bool RefusedAsTooLong(this PageModel page, string? text, int max, IStringLocalizer l, string field = "")
    {
        if (!Domain.TextLimits.TooLong(text, max))
        {
            return false;
        }

        page.ModelState.AddModelError(field, l["Form.TextTooLong", max, text!.Trim().Length]);
        return true;
    }

    /// <summary>A refused change as a form error, in the person's language (the domain's detail is English, for logs and the API).</summary>
    public static void AddError(this PageModel page, Domain.Sites.SettingError error, IStringLocalizer l) =>
        page.ModelState.AddModelError(string.Empty, l[$"Setting.{error.Rule}"]);
}
