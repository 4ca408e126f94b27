namespace MakerShop.Core.Tests;

public class AddressTests
{
    [Theory]
    [InlineData("name")]
    [InlineData("line1")]
    [InlineData("city")]
    [InlineData("postalCode")]
    public void Blank_required_address_part_is_named_in_the_error(string part)
    {
        var address = Build.Address() with
        {
            Name = part == "name" ? " " : "Ada",
            Line1 = part == "line1" ? "" : "Street 1",
            City = part == "city" ? "\t" : "Berlin",
            PostalCode = part == "postalCode" ? "" : "10117",
        };

        var ex = Assert.Throws<DomainValidationException>(() => Address.Validate(address));

        Assert.Equal($"shippingAddress.{part}", ex.Field);
    }

    [Fact]
    public void Optional_address_parts_may_be_missing() =>
        Address.Validate(new Address("Ada", "Street 1", null, "Berlin", "10117", null, "DE"));

    [Theory]
    [InlineData("DE", "26133", null)]
    [InlineData("FR", "33 380", null)]
    [InlineData("GB", "ec1y 8sy", null)]
    [InlineData("GB", "M2 5BQ", null)]
    [InlineData("GB", "GIR 0AA", null)]
    [InlineData("US", "22162-1010", "VA")]
    [InlineData("CA", "H3Z 2Y7", "QC")]
    [InlineData("NL", "1234 ab", null)]
    [InlineData("CH", "8001", null)]
    [InlineData("JP", "154-0023", "Tokyo")]
    [InlineData("PL", "00-950", null)]
    [InlineData("IE", "A65 F4E2", null)]
    [InlineData("IE", "", null)]
    [InlineData("HK", "", "Central and Western")]
    [InlineData("AU", "2060", "NSW")]
    public void A_postal_code_that_fits_its_country_is_accepted(string country, string postalCode, string? region) =>
        Address.Validate(new Address("Ada", "Street 1", null, "City", postalCode, region, country));

    [Theory]
    [InlineData("DE", "2613")]
    [InlineData("FR", "3338")]
    [InlineData("GB", "12345")]
    [InlineData("US", "9501")]
    [InlineData("CA", "D3Z 2Y7")]
    [InlineData("NL", "1234")]
    [InlineData("CH", "80011")]
    [InlineData("JP", "1540023X")]
    [InlineData("PL", "00950")]
    public void A_postal_code_that_does_not_fit_its_country_is_named_with_an_example(string country, string postalCode)
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            Address.Validate(new Address("Ada", "Street 1", null, "City", postalCode, "Region", country)));
        Assert.Equal("shippingAddress.postalCode", ex.Field);
        Assert.Contains("for example", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US", "95014")]
    [InlineData("JP", "154-0023")]
    [InlineData("AU", "2060")]
    [InlineData("IT", "00144")]
    public void A_country_that_needs_a_state_or_province_asks_for_it(string country, string postalCode)
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            Address.Validate(new Address("Ada", "Street 1", null, "City", postalCode, null, country)));
        Assert.Equal("shippingAddress.region", ex.Field);
    }

    [Fact]
    public void A_country_without_postal_codes_never_requires_one() =>
        Address.Validate(new Address("Ada", "1 Sheikh Zayed Road", null, "Dubai", "", null, "AE"));
}
