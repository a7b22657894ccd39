using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features;

/// <summary>
/// The page a wrong or stale link, a refused request or a failure ends on (status code pages re-execute here; the
/// API keeps its problem details): in the app's layout and the reader's language, with a way back. A link that
/// came from the family's pages goes back to the family's home, any other to the app's home.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>Which of the page's texts to show: 400, 403, 404 or 500 (other codes take the nearest).</summary>
    public int Kind => Code switch { 403 or 404 => Code, >= 500 => 500, _ => 400 };

    public bool ForFamily { get; private set; }

    public void OnGet(int? code) => Show(code);

    // A re-executed request keeps its method: a refused form post ends here too.
    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Code = code is >= 400 and < 600 ? code.Value : 404;
        ForFamily = original?.StartsWith("/Family", StringComparison.OrdinalIgnoreCase) == true;
        // Shown directly (not after a failure), the page answers with the code it describes.
        if (original is null)
        {
            Response.StatusCode = Code;
        }
    }
}
