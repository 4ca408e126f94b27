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
        Address.Validate(new Address("Ada", "Street 1", null, "Tokyo", "100-0001", null, "JP"));
}
