using NodaTime;

namespace CantinaOps.Domain.Scheduling;

/// <summary>A booking that must leave its slot because its machine is out of order.</summary>
public readonly record struct Stranded(int BookingId, int ResourceId, Interval Time);

/// <summary>Where a stranded booking goes, and on which place; no slot when none is free.</summary>
public sealed record PlannedMove(int BookingId, Slot? To, int Seat);

/// <summary>
/// Gives the stranded bookings of a space each its own alternative. Taken one at a time, each would get
/// the nearest free slot, so eight households could all be offered the one free Thursday 09:00; here
/// they are served in order (earliest booking first) and each choice takes its place before the next.
/// The desk's list and the moves both read this plan, so a move lands where the list said.
/// </summary>
public static class MovePlanner
{
    public static IReadOnlyList<PlannedMove> PlanMoves(this SpaceSchedule schedule, IEnumerable<Stranded> stranded, Instant now,
        IEnumerable<HeldTime> held)
    {
        var taken = held.ToList();
        var plan = new List<PlannedMove>();
        foreach (var booking in stranded.OrderBy(s => s.Time.Start).ThenBy(s => s.BookingId))
        {
            var resource = schedule.Space.Resources.Single(r => r.Id == booking.ResourceId);
            var own = new Slot(booking.ResourceId, booking.Time.Start.InZone(schedule.Zone).LocalDateTime,
                booking.Time.End.InZone(schedule.Zone).LocalDateTime, booking.Time.Start, booking.Time.End);
            var others = taken.Where(h => !(h.ResourceId == booking.ResourceId && h.Start == booking.Time.Start)).ToList();
            var to = schedule.NearestAlternative(resource, own, now, others);
            var seat = to?.FreeSeat(schedule.Space.Resources.Single(r => r.Id == to.ResourceId).Capacity, others) ?? 0;
            if (to is null || seat == 0)
            {
                plan.Add(new PlannedMove(booking.BookingId, null, 0));
                continue;
            }

            taken.Add(new HeldTime(to.ResourceId, to.Start, to.End, seat));
            plan.Add(new PlannedMove(booking.BookingId, to, seat));
        }

        return plan;
    }
}
