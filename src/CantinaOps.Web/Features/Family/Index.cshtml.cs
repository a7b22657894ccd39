using CantinaOps.Domain.Households;

namespace CantinaOps.Web.Features.Family;

/// <summary>A family's home: one big button per space, with what is left of its week.</summary>
public sealed class IndexModel(FamilyBookings bookings) : FamilyPage
{
    public Household Household { get; private set; } = null!;
    public IReadOnlyList<FamilyBookings.SpaceCard> Spaces { get; private set; } = [];
    public FamilyBookings.Ticket? Next { get; private set; }

    /// <summary>Places the waitlist found for the family, still to come.</summary>
    public IReadOnlyList<FamilyBookings.Ticket> FromWaitlist { get; private set; } = [];

    /// <summary>When the next ISO week starts: what a used-up quota waits for.</summary>
    public NodaTime.LocalDate NextWeek { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Household = (await bookings.HouseholdAsync(HouseholdId, cancellationToken))!;
        Spaces = await bookings.SpacesAsync(Household, cancellationToken);
        Next = (await bookings.TicketsAsync(HouseholdId, null, cancellationToken))
            .Where(t => t.Status == Domain.Bookings.BookingStatus.Confirmed).MinBy(t => t.Start);
        FromWaitlist = await bookings.FromWaitlistAsync(HouseholdId, cancellationToken);
        var today = await bookings.TodayAsync(cancellationToken);
        NextWeek = today.PlusDays(8 - (int)today.DayOfWeek);
    }
}
