namespace MakerShop.Core.Tests.Geography;

public class AddressCheckTests
{
    [Fact]
    public void A_german_address_with_a_four_digit_postal_code_names_the_postal_code_and_gives_an_example()
    {
        var problems = AddressCheck.Problems(new Address("Ada", "Hauptstr. 1", null, "Berlin", "1234", null, "DE"));

        var problem = Assert.Single(problems);
        Assert.Equal("postalCode", problem.Field);
        Assert.Equal(AddressProblemKind.NotAPostalCode, problem.Kind);
        Assert.Equal("26133", problem.Hint);
    }

    [Fact]
    public void Every_missing_field_is_reported_at_once()
    {
        var problems = AddressCheck.Problems(new Address("", "", null, "", "", null, "US"));

        Assert.Equal(["name", "line1", "city", "postalCode", "region"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(AddressProblemKind.Required, p.Kind));
        Assert.Equal("state", problems[^1].Hint);
    }

    [Fact]
    public void A_valid_address_has_no_problem_and_passes_the_placement_rules_too()
    {
        var address = new Address("Ada", "10 Downing Street", null, "London", "sw1a 2aa", null, "GB");

        Assert.Empty(AddressCheck.Problems(address));
        Address.Validate(address);
    }

    [Fact]
    public void A_country_code_that_is_not_alpha_2_is_the_only_address_problem_reported_about_the_country()
    {
        var problems = AddressCheck.Problems(new Address("Ada", "Rue 1", null, "Paris", "75002", null, "FRA"));

        Assert.Equal("countryCode", Assert.Single(problems).Field);
    }

    [Fact]
    public void Hong_kong_needs_no_postal_code_but_a_district()
    {
        var problems = AddressCheck.Problems(new Address("Ada", "1 Queen's Road", null, "", "", null, "HK"));

        var problem = Assert.Single(problems);
        Assert.Equal("region", problem.Field);
        Assert.Equal("district", problem.Hint);
    }
}
