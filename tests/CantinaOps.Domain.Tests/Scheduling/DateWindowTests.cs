using CantinaOps.Domain.Scheduling;
using NodaTime;
using Xunit;

namespace CantinaOps.Domain.Tests.Scheduling;

public sealed class DateWindowTests
{
    [Theory]
    [InlineData("2026-12-07", true)]
    [InlineData("2000-01-01", true)]
    [InlineData("2100-12-31", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("2101-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("-0001-01-01", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("tomorrow", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_real_dates_inside_the_window_are_read(string? text, bool accepted) =>
        Assert.Equal(accepted, DateWindow.ParseDate(text) is not null);

    [Fact]
    public void A_month_is_read_as_its_first_day_and_must_end_inside_the_window()
    {
        Assert.Equal(new LocalDate(2026, 12, 1), DateWindow.ParseMonth("2026-12"));
        Assert.Equal(new LocalDate(2100, 12, 1), DateWindow.ParseMonth("2100-12"));
        Assert.Null(DateWindow.ParseMonth("9999-12"));
        Assert.Null(DateWindow.ParseMonth("1999-12"));
        Assert.Null(DateWindow.ParseMonth("2026-13"));
    }
}
