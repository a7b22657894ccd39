using CantinaOps.Domain.Bookings;

namespace CantinaOps.Domain.Tests.Bookings;

public class NoShowPolicyTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 10, 0);
    private static readonly NoShowPolicy Policy = new(Duration.FromMinutes(20), 2, Duration.FromDays(30), Duration.FromDays(7));

    [Fact]
    public void Bookings_are_released_after_the_grace_and_absences_count_over_the_window()
    {
        Assert.Equal(Now - Duration.FromMinutes(20), Policy.ReleaseBefore(Now));
        Assert.Equal(Now - Duration.FromDays(30), Policy.WindowStart(Now));
    }

    [Fact]
    public void The_second_absence_pauses_self_booking_once()
    {
        var household = SiteBuilder.Household();

        Assert.Null(Policy.PauseUntil(household, 1, Now));
        Assert.Equal(Now + Duration.FromDays(7), Policy.PauseUntil(household, 2, Now));
        household.PauseSelfBooking(Now + Duration.FromDays(7));
        Assert.Null(Policy.PauseUntil(household, 3, Now + Duration.FromDays(1)));
    }

    [Fact]
    public void A_site_that_pauses_nobody_pauses_nobody()
    {
        var none = Policy with { Pause = Duration.Zero };

        Assert.Null(none.PauseUntil(SiteBuilder.Household(), 10, Now));
    }
}
