namespace MakerShop.Core.Tests;

public sealed class RefundTests
{
    private static Payment Confirmed()
    {
        var payment = Payment.Start("pay-1", "ord_123", "stripe", Money.FromMinor(2500, Currency.Eur), "MS-REF", Build.T0);
        payment.Confirm(Money.FromMinor(2500, Currency.Eur), "evt_1", Build.T0);
        return payment;
    }

    [Fact]
    public void A_refund_is_for_the_whole_confirmed_payment_and_settles_once_the_provider_takes_it()
    {
        var payment = Confirmed();
        var refund = Refund.For("ref-1", payment, Build.T0.AddHours(1));
        Assert.Equal(RefundStatus.Requested, refund.Status);
        Assert.Equal(payment.Amount, refund.Amount);

        Assert.True(refund.Accept("re_123", Build.T0.AddHours(2)));
        Assert.False(refund.Accept("re_123", Build.T0.AddHours(3)));
        Assert.True(refund.IsSettled);
        Assert.Equal("re_123", refund.ProviderReference);

        Assert.True(payment.MarkRefunded());
        Assert.False(payment.MarkRefunded());
        Assert.Equal(Build.T0, payment.SettledAt);
    }

    [Fact]
    public void A_refund_the_provider_took_but_has_not_paid_is_not_settled_until_it_succeeds_or_fails()
    {
        var refund = Refund.For("ref-1", Confirmed(), Build.T0);
        Assert.True(refund.MarkSent("re_9"));
        Assert.False(refund.MarkSent("re_9"));
        Assert.Equal(RefundStatus.Sent, refund.Status);
        Assert.False(refund.IsSettled);
        Assert.Throws<InvalidTransitionException>(() => refund.Retry());

        Assert.True(refund.Accept("re_9", Build.T0.AddDays(2)));
        Assert.True(refund.IsSettled);

        var failing = Refund.For("ref-2", Confirmed(), Build.T0);
        failing.MarkSent("re_10");
        failing.Fail("expired_or_canceled_card", Build.T0.AddDays(1));
        Assert.Equal(RefundStatus.Failed, failing.Status);
        Assert.True(failing.Retry());
    }

    [Fact]
    public void A_bank_transfer_refund_waits_for_the_owner_to_pay_it_out_with_a_note()
    {
        var refund = Refund.For("ref-1", Confirmed(), Build.T0);
        Assert.True(refund.AwaitPayout());
        Assert.False(refund.IsSettled);

        Assert.Throws<DomainValidationException>(() => refund.MarkPaidOut(" ", Build.T0));
        Assert.True(refund.MarkPaidOut("bank ref 991", Build.T0.AddDays(1)));
        Assert.False(refund.MarkPaidOut("bank ref 991", Build.T0.AddDays(2)));
        Assert.Equal("bank ref 991", refund.Note);
        Assert.Equal(Build.T0.AddDays(1), refund.SettledAt);
    }

    [Fact]
    public void A_refused_refund_keeps_the_reason_and_can_be_asked_for_again()
    {
        var refund = Refund.For("ref-1", Confirmed(), Build.T0);
        refund.Fail("charge_disputed", Build.T0);
        Assert.Equal(RefundStatus.Failed, refund.Status);
        Assert.Equal("charge_disputed", refund.Note);

        Assert.Equal("ref-1", refund.IdempotencyKey);
        Assert.True(refund.Retry());
        Assert.Equal(RefundStatus.Requested, refund.Status);
        // The provider stored its refusal under the first key; the retry must not replay it.
        Assert.Equal(2, refund.Attempt);
        Assert.Equal("ref-1:2", refund.IdempotencyKey);
        Assert.False(refund.Retry());
        Assert.Equal("ref-1:2", refund.IdempotencyKey);
        Assert.Throws<InvalidTransitionException>(() => refund.MarkPaidOut("x", Build.T0));
    }

    [Fact]
    public void Only_a_confirmed_payment_is_refunded()
    {
        var pending = Payment.Start("pay-1", "ord_123", "bank-transfer", Money.FromMinor(100, Currency.Eur), "MS-REF", Build.T0);
        Assert.Throws<InvalidTransitionException>(() => Refund.For("ref-1", pending, Build.T0));
        Assert.Throws<InvalidTransitionException>(() => pending.MarkRefunded());
    }
}
