using CantinaOps.Domain.Households;

namespace CantinaOps.Domain.Tests.Households;

public class HouseholdSearchTests
{
    [Theory]
    [InlineData("Наталія", "наталія", true)]
    [InlineData("НАТАЛІЯ", "наталiя", false)] // a Latin i for the Ukrainian і: folding is not transliteration
    [InlineData("Hélène", "helene", true)]
    [InlineData("Hôtel  Bellecour", "hotel bellecour", true)]
    [InlineData("Ｋａｒｉｍ", "karim", true)]
    public void Folding_ignores_case_accents_and_width(string stored, string typed, bool same) =>
        Assert.Equal(same, HouseholdSearch.Fold(stored) == HouseholdSearch.Fold(typed));

    [Theory]
    [InlineData("06 75", "0675")]
    [InlineData("75 12", "7512")]
    [InlineData("+33 6 75 12", "067512")]
    [InlineData("0033 6 75", "0675")]
    [InlineData("06.75.12.34.56", "0675123456")]
    [InlineData("+380 67", "38067")]
    [InlineData("12", null)]
    [InlineData("K7M-42", null)]
    [InlineData("Hôtel 12", null)]
    public void A_phone_is_searched_by_its_digits_as_they_are_read_out(string typed, string? digits) =>
        Assert.Equal(digits, HouseholdSearch.QueryDigits(typed));

    [Fact]
    public void The_household_keeps_its_search_text_in_step_with_every_change()
    {
        var household = new Household("K7M-42", 3, "uk", Instant.FromUtc(2026, 1, 1, 0, 0), "Наталія", "+33675123456", "Hôtel Bellecour");

        Assert.Equal("наталія\nhotel bellecour\n33675123456\n0675123456", household.SearchText);
        household.Update(3, "uk", "Оксана", null, null);
        Assert.Equal("оксана", household.SearchText);
        household.Anonymise(Instant.FromUtc(2026, 2, 1, 0, 0));
        Assert.Null(household.SearchText);
    }
}
