namespace MakerShop.Core.Tests;

public sealed class SpoolTests
{
    private static Spool New(double grams = 1000) => Spool.Add("spl-1", " pla ", " Black ", "Prusament", grams, "printer-1", Build.T0);

    [Fact]
    public void A_new_spool_is_full_and_normalises_material_and_colour()
    {
        var spool = New();

        Assert.Equal(1000, spool.GramsLeft);
        Assert.Equal("PLA", spool.Material);
        Assert.Equal("black", spool.Colour);
        Assert.Equal("printer-1", spool.PrinterId);
    }

    [Fact]
    public void Printing_takes_grams_off_and_never_below_zero_reporting_the_shortfall()
    {
        var spool = New(100);

        Assert.Equal(0, spool.Consume(60.5, Build.T0.AddHours(1)));
        Assert.Equal(39.5, spool.GramsLeft);
        Assert.Equal(10.5, spool.Consume(50, Build.T0.AddHours(2)), 6);
        Assert.Equal(0, spool.GramsLeft);
        Assert.True(spool.IsEmpty);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_meaningless_use_is_refused_and_changes_nothing(double grams)
    {
        var spool = New();

        Assert.Throws<DomainValidationException>(() => spool.Consume(grams, Build.T0));
        Assert.Equal(1000, spool.GramsLeft);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_001)]
    public void A_spool_holds_a_sensible_amount(double grams)
    {
        var error = Assert.Throws<DomainValidationException>(() => New(grams));
        Assert.Equal("gramsAtStart", error.Field);
    }

    [Fact]
    public void Weighing_replaces_the_count_but_not_beyond_what_the_spool_started_with()
    {
        var spool = New(500);
        spool.Weigh(120, Build.T0);
        Assert.Equal(120, spool.GramsLeft);

        Assert.Throws<DomainValidationException>(() => spool.Weigh(501, Build.T0));
        Assert.Throws<DomainValidationException>(() => spool.Weigh(-1, Build.T0));
        Assert.Equal(120, spool.GramsLeft);
    }

    [Fact]
    public void A_spool_under_the_threshold_is_low()
    {
        var spool = New(1000);
        spool.Consume(900, Build.T0);

        Assert.True(spool.IsLow(150));
        Assert.False(spool.IsLow(100));
    }
}
