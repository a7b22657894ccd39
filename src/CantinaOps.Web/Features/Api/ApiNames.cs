using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Web.Features.Api;

/// <summary>The kebab-case names the API uses for the domain's kinds and statuses.</summary>
public static class ApiNames
{
    public static string Of(SpaceKind kind) => kind switch
    {
        SpaceKind.Laundry => "laundry",
        SpaceKind.FamilyKitchen => "family-kitchen",
        SpaceKind.ProfessionalKitchen => "professional-kitchen",
        _ => kind.ToString(),
    };

    public static string Of(ResourceKind kind) => kind switch
    {
        ResourceKind.Washer => "washer",
        ResourceKind.Dryer => "dryer",
        ResourceKind.CookingStation => "cooking-station",
        ResourceKind.ProfessionalKitchen => "professional-kitchen",
        _ => kind.ToString(),
    };

    public static string Of(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "confirmed",
        BookingStatus.CheckedIn => "checked-in",
        BookingStatus.Completed => "completed",
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.NoShow => "no-show",
        BookingStatus.Pending => "pending",
        BookingStatus.Declined => "declined",
        BookingStatus.Skipped => "skipped",
        _ => status.ToString(),
    };

    public static SpaceKind? SpaceKindFrom(string name) =>
        Enum.GetValues<SpaceKind>().Cast<SpaceKind?>()
            .FirstOrDefault(k => string.Equals(Of(k!.Value), name.Trim(), StringComparison.OrdinalIgnoreCase));
}
