using CsCheck;

namespace MakerShop.Core.Tests;

/// <summary>
/// Placing an order from anything a checkout, the API or a marketplace import could hand over: <see cref="Order.Place"/>
/// returns an order within every limit, or throws <see cref="DomainValidationException"/> naming a field; never another
/// exception, and never an order that breaks a limit.
/// </summary>
public sealed class OrderPlacementProperties
{
    private static readonly OrderLimits Limits = new(MaxLines: 4, MaxQuantityPerLine: 5, MaxUnits: 8);

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOf<string>("", " ", "Ada Lovelace", "ada@example.com", "a@b", "@", "PLA", "black", "\n", "\u0000", "🙂", new string('x', 300)),
        Gen.String);

    private static readonly Gen<int> Quantity = Gen.OneOf(Gen.Int[-3, 12], Gen.OneOf<int>(int.MinValue, int.MaxValue, 1000));

    private static readonly Gen<Currency> Currencies = Gen.OneOf<Currency>(Currency.Eur, Currency.Usd, Currency.Jpy);

    // One line in ten is missing (null), as a hand-written JSON body can have it.
    private static readonly Gen<OrderLine?> Lines = Gen.Select(
        Gen.Int[0, 9],
        Gen.Select(Text, Text, Text, Quantity, Gen.Long[-100, 1_000_000], Currencies,
            (product, material, colour, quantity, minor, currency) => new OrderLine(product, "Part", material, colour, quantity, Money.FromMinor(minor, currency))),
        (missing, line) => missing == 0 ? null : line);

    private static readonly Gen<Address> Addresses = Gen.Select(Text, Text, Text, Text, Gen.OneOf<string>("FR", "DE", "US", "XX", "", "fr"),
        (name, line1, city, postal, country) => new Address(name, line1, null, city, postal, null, country));

    [Fact]
    public void Any_order_is_placed_within_the_limits_or_refused_naming_a_field() =>
        Gen.Select(Text, Text, Addresses, Currencies, Lines.Array[0, 7], Gen.Int[-2, 10])
            .Sample((name, email, address, currency, lines, shipInDays) =>
            {
                try
                {
                    var order = Order.Place("ord_p", name, email, address, currency, [.. lines.Select(l => l!)], express: false, Build.T0, Build.T0.AddDays(shipInDays), limits: Limits);
                    Assert.InRange(order.Lines.Count, 1, Limits.MaxLines);
                    Assert.All(order.Lines, l => Assert.InRange(l.Quantity, 1, Limits.MaxQuantityPerLine));
                    Assert.InRange(order.UnitCount, 1, Limits.MaxUnits);
                    Assert.Equal(currency, order.Total.Currency);
                }
                catch (DomainValidationException ex)
                {
                    Assert.False(string.IsNullOrWhiteSpace(ex.Field));
                    Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                }
            }, iter: 3000, threads: 1);
}
