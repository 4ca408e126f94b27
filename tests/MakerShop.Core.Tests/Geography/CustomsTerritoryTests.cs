using MakerShop.Core;

namespace MakerShop.Core.Tests.Geography;

public class CustomsTerritoryTests
{
    [Theory]
    [InlineData("FR", "DE", false)]
    [InlineData("FR", "FR", false)]
    [InlineData("FR", "MC", false)]
    [InlineData("CH", "LI", false)]
    [InlineData("FR", "GB", true)]
    [InlineData("FR", "CH", true)]
    [InlineData("FR", "US", true)]
    [InlineData("DE", "NO", true)]
    [InlineData("FR", "TR", true)]
    [InlineData("GB", "US", true)]
    public void A_parcel_needs_a_declaration_only_when_it_leaves_its_customs_territory(string from, string to, bool crosses) =>
        Assert.Equal(crosses, CustomsTerritory.CrossesBorder(from, to));

    [Theory]
    [InlineData("FR", "FR", ShippingProximity.Domestic)]
    [InlineData("FR", "IT", ShippingProximity.SameCustomsTerritory)]
    [InlineData("US", "CA", ShippingProximity.CrossBorder)]
    public void Proximity_ranks_domestic_before_the_same_union_before_a_border(string from, string to, ShippingProximity expected) =>
        Assert.Equal(expected, CustomsTerritory.ProximityOf(from, to));

    [Fact]
    public void Monaco_is_in_the_customs_union_but_not_an_eu_member()
    {
        Assert.Equal(CustomsTerritory.EuropeanUnion, CustomsTerritory.Of("MC"));
        Assert.False(CustomsTerritory.IsEuMember("MC"));
        Assert.True(CustomsTerritory.IsEuMember("DE"));
        Assert.False(CustomsTerritory.IsEuMember("GB"));
    }

    [Theory]
    [InlineData("UK1")]
    [InlineData("fr")]
    [InlineData("")]
    public void A_malformed_country_code_is_refused_by_name(string code)
    {
        var error = Assert.Throws<DomainValidationException>(() => CustomsTerritory.Of(code));
        Assert.Equal("countryCode", error.Field);
    }
}
