namespace MakerShop.Core.Tests.Catalog;

public class ProductLimitsTests
{
    [Theory]
    [InlineData(1e308)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(50_000.01)]
    public void A_weight_outside_physical_bounds_is_refused_naming_the_field(double grams)
    {
        Assert.False(ProductLimits.IsNetWeight(grams));
        Assert.Equal("netWeightGrams", Assert.Throws<DomainValidationException>(() => ProductLimits.RequireNetWeight(grams, "netWeightGrams")).Field);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(42)]
    [InlineData(50_000)]
    public void A_real_part_weight_is_accepted(double grams) => Assert.Equal(grams, ProductLimits.RequireNetWeight(grams, "netWeightGrams"));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(1000.5)]
    [InlineData(0)]
    public void A_side_outside_one_metre_is_refused(double mm) =>
        Assert.Equal("partX", Assert.Throws<DomainValidationException>(() => ProductLimits.RequireSide(mm, "partX")).Field);
}
