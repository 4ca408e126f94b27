namespace MakerShop.Core.Tests.Common;

public class InputLimitsTests
{
    private static Address French(string name = "Ada", string line1 = "1 rue de Rivoli", string city = "Paris", string postalCode = "75001", string country = "FR") =>
        new(name, line1, null, city, postalCode, null, country);

    [Theory]
    [InlineData("XX")]
    [InlineData("ZZ")]
    [InlineData("AA")]
    [InlineData("QM")]
    [InlineData("XA")]
    public void A_user_assigned_country_code_is_refused_naming_the_country(string code)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Address.Validate(French(country: code)));

        Assert.Equal("shippingAddress.countryCode", ex.Field);
        Assert.Equal("countryCode", Assert.Single(AddressCheck.Problems(French(country: code))).Field);
    }

    [Fact]
    public void A_postal_code_with_a_trailing_newline_is_refused_naming_the_postal_code()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Address.Validate(French(postalCode: "75001\n")));

        Assert.Equal("shippingAddress.postalCode", ex.Field);
        Assert.Contains("line break", ex.Message, StringComparison.Ordinal);
        var problem = Assert.Single(AddressCheck.Problems(French(postalCode: "75001\n")));
        Assert.Equal(("postalCode", AddressProblemKind.ControlCharacter), (problem.Field, problem.Kind));
    }

    [Fact]
    public void A_name_of_25_megabytes_is_refused_and_the_message_does_not_repeat_it()
    {
        var huge = new string('A', 25 * 1024 * 1024);

        var ex = Assert.Throws<DomainValidationException>(() => Address.Validate(French(name: huge)));

        Assert.Equal("shippingAddress.name", ex.Field);
        Assert.True(ex.Message.Length < 200, ex.Message[..Math.Min(200, ex.Message.Length)]);
        var problem = Assert.Single(AddressCheck.Problems(French(name: huge)));
        Assert.Equal(("name", AddressProblemKind.TooLong, "200"), (problem.Field, problem.Kind, problem.Hint));
    }

    [Fact]
    public void Names_and_lines_at_their_limit_are_accepted_and_one_character_more_is_not()
    {
        Address.Validate(French(name: new string('n', InputLimits.NameLength), line1: new string('l', InputLimits.AddressLineLength), city: new string('c', InputLimits.CityLength)));

        Assert.Equal("shippingAddress.city", Assert.Throws<DomainValidationException>(() => Address.Validate(French(city: new string('c', InputLimits.CityLength + 1)))).Field);
        Assert.Equal("shippingAddress.line1", Assert.Throws<DomainValidationException>(() => Address.Validate(French(line1: new string('l', InputLimits.AddressLineLength + 1)))).Field);
    }

    [Theory]
    [InlineData("Ada\tLovelace")]
    [InlineData("Ada\0")]
    [InlineData("Ada\u2028Lovelace")]
    public void A_control_character_in_a_name_is_refused(string name) =>
        Assert.Equal("shippingAddress.name", Assert.Throws<DomainValidationException>(() => Address.Validate(French(name: name))).Field);

    [Fact]
    public void Accented_and_non_latin_names_are_accepted() =>
        Address.Validate(French(name: "Zoë Ærø 山田太郎", line1: "12, rue de l’Église"));

    [Fact]
    public void An_order_refuses_a_customer_name_or_email_beyond_its_limit()
    {
        var address = French();
        var lines = new[] { new OrderLine("calibration-cube", "Calibration cube", "PLA", "black", 1, Money.FromDecimal(10m, Currency.Eur, MidpointRounding.AwayFromZero)) };
        var now = DateTimeOffset.UnixEpoch.AddYears(56);

        var name = Assert.Throws<DomainValidationException>(() => Order.Place("ord_1", new string('x', 201), "ada@example.com", address, Currency.Eur, lines, false, now, now.AddDays(5)));
        var email = Assert.Throws<DomainValidationException>(() => Order.Place("ord_1", "Ada", new string('a', 250) + "@example.com", address, Currency.Eur, lines, false, now, now.AddDays(5)));

        Assert.Equal(("customer.name", "customer.email"), (name.Field, email.Field));
    }
}
