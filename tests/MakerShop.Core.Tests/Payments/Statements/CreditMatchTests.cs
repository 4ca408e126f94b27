namespace MakerShop.Core.Tests.Payments.Statements;

public class CreditMatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static Payment Pending(string reference, long minor = 4_250, string currency = "EUR") =>
        Payment.Start("pay-" + reference, "ord-" + reference, "bank-transfer", Money.FromMinor(minor, Currency.FromCode(currency)), reference, T0);

    private static StatementCredit Credit(decimal value, string text, string currency = "EUR") =>
        new("k", value, currency, new DateOnly(2026, 12, 6), "b1", "Jean Dupont", text);

    [Fact]
    public void The_exact_amount_with_a_valid_reference_is_an_exact_match()
    {
        var payment = Pending("MS-K7PQ-2XRT7");
        var match = CreditMatch.For(Credit(42.50m, "Commande MS-K7PQ-2XRT7"), r => r == payment.Reference ? payment : null);
        Assert.Equal(CreditMatchKind.Exact, match.Kind);
        Assert.Same(payment, match.Payment);
        Assert.Equal(Money.FromMinor(0, Currency.Eur), match.Difference);
    }

    [Theory]
    [InlineData(42.00, CreditMatchKind.Underpaid, -50)]
    [InlineData(45.00, CreditMatchKind.Overpaid, 250)]
    public void A_different_amount_is_left_for_the_owner_with_the_difference(decimal value, CreditMatchKind kind, long difference)
    {
        var payment = Pending("MS-K7PQ-2XRT7");
        var match = CreditMatch.For(Credit(value, "MS-K7PQ-2XRT7"), _ => payment);
        Assert.Equal(kind, match.Kind);
        Assert.Equal(Money.FromMinor(difference, Currency.Eur), match.Difference);
    }

    [Theory]
    [InlineData("CHF")]
    [InlineData("SEK")]
    public void Another_currency_is_a_wrong_currency(string currency) =>
        Assert.Equal(CreditMatchKind.WrongCurrency, CreditMatch.For(Credit(42.50m, "MS-K7PQ-2XRT7", currency), _ => Pending("MS-K7PQ-2XRT7")).Kind);

    [Fact]
    public void Unknown_missing_and_already_paid_references_are_named()
    {
        Assert.Equal(CreditMatchKind.NoReference, CreditMatch.For(Credit(42.50m, "Facture 118"), _ => null).Kind);
        Assert.Equal(CreditMatchKind.UnknownReference, CreditMatch.For(Credit(42.50m, "MS-K7PQ-2XRT7"), _ => null).Kind);
        var paid = Pending("MS-K7PQ-2XRT7");
        paid.Confirm(paid.Amount, "owner", T0);
        Assert.Equal(CreditMatchKind.AlreadyPaid, CreditMatch.For(Credit(42.50m, "MS-K7PQ-2XRT7"), _ => paid).Kind);
    }

    [Fact]
    public void Of_two_references_the_one_still_waiting_is_matched()
    {
        var paid = Pending("MS-K7PQ-2XRT7");
        paid.Confirm(paid.Amount, "owner", T0);
        var waiting = Pending("MS-HN4W-ZC8DZ");
        var match = CreditMatch.For(Credit(42.50m, "MS-K7PQ-2XRT7 MS-HN4W-ZC8DZ"), r => r == paid.Reference ? paid : waiting);
        Assert.Equal(CreditMatchKind.Exact, match.Kind);
        Assert.Same(waiting, match.Payment);
    }
}
