using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Bookings;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features.Partner;

/// <summary>Base of a partner user's pages: the partner comes from the user's account only.</summary>
public abstract class PartnerPage : PageModel
{
    protected int PartnerId => CurrentUser.From(User).PartnerId ?? throw new InvalidOperationException("Not a partner user.");

    protected Actor Actor => new(CurrentUser.From(User).BookedAs, CurrentUser.From(User).UserId);
}
