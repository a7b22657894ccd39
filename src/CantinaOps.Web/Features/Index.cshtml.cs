using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features;

/// <summary>The home page; a partner association's home is its own calendar, where sign-in brings it.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => User.IsInRole(Data.Roles.Partner) ? RedirectToPage("/Partner/Index") : Page();
}
