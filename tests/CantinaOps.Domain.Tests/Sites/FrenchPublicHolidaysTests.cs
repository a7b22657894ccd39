using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Sites;

public class FrenchPublicHolidaysTests
{
    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2024, 3, 31)]
    [InlineData(2038, 4, 25)]
    public void Easter_sunday_is_computed(int year, int month, int day)
    {
        Assert.Equal(new LocalDate(year, month, day), FrenchPublicHolidays.EasterSunday(year));
    }

    [Fact]
    public void The_year_2027_has_its_eleven_holidays_with_the_moving_ones_from_easter()
    {
        var holidays = FrenchPublicHolidays.For(2027);

        Assert.Equal(11, holidays.Count);
        Assert.Contains((new LocalDate(2027, 3, 29), "Lundi de Pâques"), holidays);
        Assert.Contains((new LocalDate(2027, 5, 6), "Ascension"), holidays);
        Assert.Contains((new LocalDate(2027, 5, 17), "Lundi de Pentecôte"), holidays);
        Assert.Contains((new LocalDate(2027, 7, 14), "Fête nationale"), holidays);
    }
}
