namespace MakerShop.Core.Tests;

public class MoneyAllocationTests
{
    public static TheoryData<long, int[], long[]> Splits => new()
    {
        { 100, [1, 1, 1], [34, 33, 33] },
        { 1000, [1, 1, 1], [334, 333, 333] },
        { 5, [3, 7], [2, 3] }, // 1.5 and 3.5: remainders tie, the first part wins
        { 10, [1, 2], [3, 7] }, // 3.33 and 6.67: the larger remainder gets the cent
        { 100, [70, 20, 10], [70, 20, 10] },
        { 7, [0, 1, 1], [0, 4, 3] },
        { -100, [1, 1, 1], [-34, -33, -33] },
        { 1, [1, 1, 1, 1], [1, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Allocation_gives_leftover_units_to_the_largest_remainders(long total, int[] ratios, long[] expected)
    {
        var parts = Money.FromMinor(total, Currency.Eur).Allocate(ratios);

        Assert.Equal(expected, parts.Select(p => p.MinorUnits));
        Assert.All(parts, p => Assert.Equal(Currency.Eur, p.Currency));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(1999, 7)]
    [InlineData(123_456_789, 13)]
    [InlineData(long.MaxValue, 3)]
    public void Money_allocation_never_loses_a_minor_unit(long total, int parts)
    {
        var ratios = Enumerable.Range(1, parts).ToArray();

        var allocated = Money.FromMinor(total, Currency.Jpy).Allocate(ratios);

        Assert.Equal(parts, allocated.Count);
        Assert.Equal(total, allocated.Aggregate((a, b) => a + b).MinorUnits);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 0 })]
    [InlineData(new[] { 1, -1 })]
    public void Allocation_refuses_ratios_that_cannot_split(int[] ratios) =>
        Assert.Throws<DomainException>(() => Money.FromMinor(100, Currency.Eur).Allocate(ratios));
}
