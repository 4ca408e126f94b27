namespace MakerShop.Core.Tests.Payments;

public class PaymentTests
{
    private static readonly Money Total = Money.FromMinor(4_207, Currency.Chf);

    private static Payment Pending() => Payment.Start("pay-1", "ord_1", "bank-transfer", Total, "MS-ABCD-EFGH2", Build.T0);

    [Fact]
    public void A_payment_is_confirmed_for_exactly_its_amount_and_currency()
    {
        var payment = Pending();
        Assert.True(payment.Confirm(Total, "owner: seen on the statement", Build.T0.AddDays(1)));
        Assert.Equal(PaymentStatus.Confirmed, payment.Status);
        Assert.Equal(Build.T0.AddDays(1), payment.SettledAt);
    }

    [Fact]
    public void A_second_confirmation_changes_nothing() =>
        Assert.False(Confirmed().Confirm(Total, "provider retry", Build.T0.AddDays(2)));

    [Theory]
    [InlineData(4_206, "CHF")]
    [InlineData(4_207, "EUR")]
    public void A_different_amount_or_currency_leaves_the_payment_pending(long minor, string currency)
    {
        var payment = Pending();
        Assert.Throws<DomainException>(() => payment.Confirm(Money.FromMinor(minor, Currency.FromCode(currency)), "event", Build.T0));
        Assert.Equal(PaymentStatus.Pending, payment.Status);
    }

    [Fact]
    public void A_failed_payment_cannot_be_confirmed()
    {
        var payment = Pending();
        payment.Fail("checkout expired", Build.T0);
        Assert.Throws<InvalidTransitionException>(() => payment.Confirm(Total, "late", Build.T0));
    }

    [Fact]
    public void A_payment_for_nothing_is_refused() =>
        Assert.Throws<DomainValidationException>(() => Payment.Start("pay-1", "ord_1", "stripe", Money.Zero(Currency.Eur), "ref", Build.T0));

    [Fact]
    public void Bank_transfer_references_carry_a_check_character_that_catches_a_typo()
    {
        for (var i = 0; i < 200; i++)
        {
            var reference = BankTransferReference.New();
            Assert.Matches("^MS-[A-Z2-8]{4}-[A-Z2-8]{5}$", reference);
            Assert.True(BankTransferReference.IsValid(reference));
            Assert.True(BankTransferReference.IsValid(reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
            var typo = reference[..4] + (reference[4] == 'A' ? 'B' : 'A') + reference[5..];
            Assert.False(BankTransferReference.IsValid(typo));
            var swapped = reference[..3] + reference[4] + reference[3] + reference[5..];
            Assert.True(reference[3] == reference[4] || !BankTransferReference.IsValid(swapped));
        }
    }

    private static Payment Confirmed()
    {
        var payment = Pending();
        payment.Confirm(Total, "owner", Build.T0);
        return payment;
    }
}
