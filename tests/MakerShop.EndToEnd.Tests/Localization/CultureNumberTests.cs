using System.Globalization;
using MakerShop.Web.Localization;

namespace MakerShop.EndToEnd.Tests.Localization;

/// <summary>Numbers typed on the admin and maker forms: read in the page's language, tolerant of the other one.</summary>
public sealed class CultureNumberTests
{
    private static readonly CultureInfo French = new("fr");
    private static readonly CultureInfo English = new("en");

    [Theory]
    [InlineData("0,4", 0.4)]
    [InlineData("0.4", 0.4)]
    [InlineData(" 250,5 ", 250.5)]
    [InlineData("1 000,5", 1000.5)]
    [InlineData("1\u202F000,5", 1000.5)]
    [InlineData("1.000,5", 1000.5)]
    [InlineData("-3,25", -3.25)]
    [InlineData("1000", 1000)]
    public void A_French_page_reads_a_decimal_comma_and_still_accepts_a_point(string typed, double expected)
    {
        Assert.True(CultureNumber.TryParse(typed, French, out double value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("0.4", 0.4)]
    [InlineData("0,4", 0.4)]
    [InlineData("1,000", 1000)]
    [InlineData("1,000.5", 1000.5)]
    [InlineData("12,345,678", 12345678)]
    public void An_English_page_reads_a_point_and_takes_a_lone_comma_for_decimals_unless_it_groups_thousands(string typed, double expected)
    {
        Assert.True(CultureNumber.TryParse(typed, English, out double value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("0,4,5")]
    [InlineData("1e5")]
    [InlineData("0.4.5")]
    [InlineData("NaN")]
    [InlineData("∞")]
    public void What_is_not_a_plain_number_is_refused_in_either_language(string typed)
    {
        Assert.False(CultureNumber.TryParse(typed, French, out double _));
        Assert.False(CultureNumber.TryParse(typed, English, out double _));
    }

    [Fact]
    public void Shown_values_round_trip_in_the_page_language_without_float_noise()
    {
        Assert.Equal("0,4", CultureNumber.Format(0.4, French));
        Assert.Equal("0.4", CultureNumber.Format(0.4, English));
        Assert.Equal("94,2", CultureNumber.Format(94.200004577, French, 1));
        Assert.Equal("1000", CultureNumber.Format(1000.0, French));
        foreach (var culture in new[] { French, English })
        {
            foreach (var value in new[] { 0.4, 0.25, 250.5, 1234.567, 0.0 })
            {
                Assert.True(CultureNumber.TryParse(CultureNumber.Format(value, culture), culture, out double back));
                Assert.Equal(value, back, 9);
            }
        }
    }
}
