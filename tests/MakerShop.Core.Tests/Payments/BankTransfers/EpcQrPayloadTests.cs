namespace MakerShop.Core.Tests.Payments.BankTransfers;

public class EpcQrPayloadTests
{
    private static readonly Iban RedCross = Iban.Parse("BE72000000001616");

    [Fact]
    public void The_standards_red_cross_example_in_version_002()
    {
        // EPC069-12's worked example (a EUR 1 donation to the Belgian Red Cross), with version 002 in place of 001.
        var payload = EpcQrPayload.Build("Red Cross of Belgium", RedCross, "BPOTBEB1", Money.FromMinor(100, Currency.Eur), "Urgency fund", "CHAR", "Sample EPC QR code");
        Assert.Equal("BCD\n002\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1\nCHAR\n\nUrgency fund\nSample EPC QR code", payload);
    }

    [Fact]
    public void An_order_transfer_has_no_bic_line_content_and_ends_at_the_reference()
    {
        var payload = EpcQrPayload.Build("Atelier Dupont", Iban.Parse("FR14 2004 1010 0505 0001 3M02 606"), null, Money.FromMinor(1_234, Currency.Eur), "MS-ABCD-EFGH2");
        Assert.Equal("BCD\n002\n1\nSCT\n\nAtelier Dupont\nFR1420041010050500013M02606\nEUR12.34\n\n\nMS-ABCD-EFGH2", payload);
    }

    [Fact]
    public void A_creditor_reference_goes_in_the_structured_field()
    {
        // RF18539007547034 is ISO 11649's own example.
        var payload = EpcQrPayload.Build("Atelier Dupont", RedCross, "BPOTBEB1", Money.FromMinor(99_999_999_999, Currency.Eur), "RF18539007547034");
        Assert.Equal("BCD\n002\n1\nSCT\nBPOTBEB1\nAtelier Dupont\nBE72000000001616\nEUR999999999.99\n\nRF18539007547034", payload);
    }

    [Fact]
    public void Amounts_over_the_maximum_are_refused() =>
        Assert.Equal("amount", Assert.Throws<DomainValidationException>(() =>
            EpcQrPayload.Build("Shop", RedCross, null, Money.FromMinor(100_000_000_000, Currency.Eur), "MS-ABCD-EFGH2")).Field);

    [Fact]
    public void Only_euro_transfers_get_a_code() =>
        Assert.Contains("euro", Assert.Throws<DomainValidationException>(() =>
            EpcQrPayload.Build("Shop", RedCross, null, Money.FromMinor(1_000, Currency.Chf), "MS-ABCD-EFGH2")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_name_longer_than_seventy_characters_is_refused() =>
        Assert.Equal("name", Assert.Throws<DomainValidationException>(() =>
            EpcQrPayload.Build(new string('x', 71), RedCross, null, Money.FromMinor(1_000, Currency.Eur), "MS-ABCD-EFGH2")).Field);
}
