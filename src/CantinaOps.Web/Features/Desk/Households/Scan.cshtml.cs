using System.Globalization;
using System.Security.Cryptography;
using CantinaOps.Web.Features.Print;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>The desk scans the QR code of a family's week slip: an opaque token that opens the household.</summary>
public sealed class ScanModel(IDataProtectionProvider protection) : PageModel
{
    public IActionResult OnGet(string? t)
    {
        try
        {
            var id = int.Parse(protection.CreateProtector(PrintQueries.SlipPurpose).Unprotect(t ?? string.Empty), CultureInfo.InvariantCulture);
            return RedirectToPage("Edit", new { id });
        }
        catch (CryptographicException)
        {
            return NotFound();
        }
    }
}
