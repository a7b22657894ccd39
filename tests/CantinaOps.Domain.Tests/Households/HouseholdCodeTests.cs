using CantinaOps.Domain.Households;

namespace CantinaOps.Domain.Tests.Households;

public class HouseholdCodeTests
{
    [Fact]
    public void Generated_codes_are_well_formed_and_avoid_look_alike_characters()
    {
        var random = new Random(42);
        var codes = Enumerable.Range(0, 2000).Select(_ => HouseholdCode.Generate(random.Next)).ToList();

        Assert.All(codes, c => Assert.True(HouseholdCode.IsWellFormed(c), c));
        Assert.DoesNotContain(codes, c => c[..3].IndexOfAny(['0', 'O', '1', 'I', 'L', '5', 'S', '2', 'Z']) >= 0);
        Assert.True(codes.Distinct().Count() > 1990);
    }

    [Theory]
    [InlineData("k7m-42", "K7M-42")]
    [InlineData(" K7M 42 ", "K7M-42")]
    [InlineData("k7m42", "K7M-42")]
    public void Typed_codes_are_normalised(string typed, string expected)
    {
        Assert.Equal(expected, HouseholdCode.Normalise(typed));
    }

    [Fact]
    public void A_household_rejects_an_unknown_language_and_an_impossible_size()
    {
        Assert.Throws<ArgumentException>(() => new Household("K7M-42", 3, "xx", Instant.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Household("K7M-42", 0, "fr", Instant.MinValue));
    }
}
