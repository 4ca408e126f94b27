namespace MakerShop.Core.Tests;

public class Size3Tests
{
    private static readonly Size3 Volume = new(250, 210, 210);

    [Theory]
    [InlineData(250, 210, 210, true)]
    [InlineData(100, 100, 100, true)]
    [InlineData(210, 250, 100, true)] // turned 90° about Z
    [InlineData(251, 100, 100, false)]
    [InlineData(220, 220, 100, false)] // neither orientation fits
    [InlineData(100, 100, 211, false)] // never tipped over onto its side
    [InlineData(210, 100, 250, false)]
    public void Part_fits_a_volume_only_upright_with_an_optional_quarter_turn(double x, double y, double z, bool fits) =>
        Assert.Equal(fits, new Size3(x, y, z).FitsWithin(Volume));

    [Theory]
    [InlineData(-1, 1, 1, "x")]
    [InlineData(1, double.NaN, 1, "y")]
    [InlineData(1, 1, double.PositiveInfinity, "z")]
    public void Size_rejects_negative_and_non_finite_sides(double x, double y, double z, string field)
    {
        var ex = Assert.Throws<DomainValidationException>(() => new Size3(x, y, z));
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Size_guard_also_covers_with_expressions() =>
        Assert.Throws<DomainValidationException>(() => Volume with { Z = -5 });

    [Fact]
    public void Size_prints_as_millimetres_in_invariant_culture() =>
        Assert.Equal("250×210×210.5 mm", new Size3(250, 210, 210.5).ToString());
}
