using CantinaOps.Domain.Households;

namespace CantinaOps.Domain.Tests.Households;

public class LanguagesTests
{
    [Fact]
    public void Eleven_languages_are_offered_pashto_right_to_left()
    {
        Assert.Equal(["fr", "en", "ar", "uk", "fa-AF", "ka", "ps", "ru", "sq", "tr", "ti"], Languages.Supported.Select(l => l.Tag));
        Assert.Equal(["ar", "fa-AF", "ps"], Languages.Supported.Where(l => l.RightToLeft).Select(l => l.Tag));
    }

    [Theory]
    [InlineData("fa-IR", "fa-AF")]
    [InlineData("fa", "fa-AF")]
    [InlineData("FA-ir", "fa-AF")]
    [InlineData("prs-AF", "fa-AF")]
    [InlineData("fa-AF", "fa-AF")]
    [InlineData("ps", "ps")]
    [InlineData("ps-AF", "ps")]
    [InlineData("ps-PK", "ps")]
    [InlineData("ru-RU", "ru")]
    [InlineData("ru-UA", "ru")]
    [InlineData("sq-AL", "sq")]
    [InlineData("sq-XK", "sq")]
    [InlineData("tr-TR", "tr")]
    [InlineData("ti-ER", "ti")]
    [InlineData("ti-ET", "ti")]
    [InlineData("ar-MA", "ar")]
    [InlineData("ar-SA", "ar")]
    [InlineData("uk-UA", "uk")]
    [InlineData("ka-GE", "ka")]
    [InlineData("en-GB", "en")]
    [InlineData("fr-BE", "fr")]
    [InlineData("fr_FR", "fr")]
    public void A_requested_tag_gets_the_closest_offered_language(string requested, string expected) =>
        Assert.Equal(expected, Languages.Closest(requested));

    [Theory]
    [InlineData("es-ES")]
    [InlineData("de")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    [InlineData("*")]
    [InlineData("f")]
    [InlineData("farsi")]
    public void A_language_not_offered_gets_none_so_the_caller_falls_back_to_french(string? requested) =>
        Assert.Null(Languages.Closest(requested));
}
