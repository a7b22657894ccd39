using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Scheduling;

/// <summary>A booking a change of the rules leaves out, with the rule it breaks from then on.</summary>
public sealed record AffectedBooking(Booking Booking, Resource Resource, Refusal Reason);

/// <summary>
/// What a change to a site's rules does to its bookings: those that fit the rules before the change and
/// not after. A booking that already broke the rules (a closure confirmed earlier and left unhandled) is
/// not this change's doing: counting it told a coordinator that re-adding existing holidays affected 13.
/// </summary>
public static class RuleChange
{
    /// <param name="before">A resource as the rules stood, by id (with its space and site); null if unknown.</param>
    /// <param name="after">The same resource under the changed rules; null if it no longer exists.</param>
    public static IReadOnlyList<AffectedBooking> Affected(IEnumerable<Booking> bookings, Func<int, Resource?> before, Func<int, Resource?> after)
    {
        var schedules = new Dictionary<Space, SpaceSchedule>(ReferenceEqualityComparer.Instance);
        var result = new List<AffectedBooking>();
        foreach (var booking in bookings)
        {
            if (before(booking.ResourceId) is not { } was || BreaksRules(was, booking) is not null)
            {
                continue;
            }

            if (after(booking.ResourceId) is not { } now)
            {
                result.Add(new AffectedBooking(booking, was, Refusal.Because(Rule.ResourceOutOfService, "resource-gone", $"{was.Name} no longer exists.")));
            }
            else if (BreaksRules(now, booking) is { } reason)
            {
                result.Add(new AffectedBooking(booking, now, reason));
            }
        }

        return result;

        Refusal? BreaksRules(Resource resource, Booking booking)
        {
            if (!schedules.TryGetValue(resource.Space, out var schedule))
            {
                schedules[resource.Space] = schedule = new SpaceSchedule(resource.Space);
            }

            return schedule.StillFits(resource, booking);
        }
    }

    /// <summary>The same, for two states of one site (the site as stored, and as changed in memory).</summary>
    public static IReadOnlyList<AffectedBooking> Affected(IEnumerable<Booking> bookings, Site before, Site after)
    {
        var was = before.Spaces.SelectMany(s => s.Resources).ToDictionary(r => r.Id);
        var now = after.Spaces.SelectMany(s => s.Resources).ToDictionary(r => r.Id);
        return Affected(bookings, was.GetValueOrDefault, now.GetValueOrDefault);
    }
}
