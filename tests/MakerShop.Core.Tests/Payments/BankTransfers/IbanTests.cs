namespace MakerShop.Core.Tests.Payments.BankTransfers;

public class IbanTests
{
    // The examples printed in ISO 13616 / the IBAN registry for each country.
    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32")]
    [InlineData("DE89370400440532013000", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    [InlineData("fr14 2004 1010 0505 0001 3m02 606", "FR1420041010050500013M02606", "FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("CH93-0076-2011-6238-5295-7", "CH9300762011623852957", "CH93 0076 2011 6238 5295 7")]
    [InlineData("BE72000000001616", "BE72000000001616", "BE72 0000 0000 1616")]
    [InlineData("IBAN NL91 ABNA 0417 1643 00", "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00")]
    public void A_valid_iban_is_kept_compact_and_shown_in_groups_of_four(string typed, string compact, string grouped)
    {
        var iban = Iban.Parse(typed);
        Assert.Equal(compact, iban.Value);
        Assert.Equal(grouped, iban.Grouped);
    }

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 33", "checksum")]
    [InlineData("DE89370400440532013001", "checksum")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 6", "has 27 characters")]
    [InlineData("ZZ12 3456 7890", "not a country")]
    [InlineData("1234 5678", "two-letter country code")]
    [InlineData("GB82 WEST 1234 5698 7654 3!", "only letters and digits")]
    [InlineData("", "required")]
    public void An_invalid_iban_is_refused_with_the_reason(string typed, string reason)
    {
        Assert.False(Iban.TryParse(typed, out var iban, out var problem));
        Assert.Null(iban);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Swapping_two_digits_breaks_the_checksum() =>
        Assert.False(Iban.TryParse("GB82 WEST 1234 5698 7654 23", out _, out _));

    [Theory]
    [InlineData("DEUTDEFF", true)]
    [InlineData("deutdeff500", true)]
    [InlineData("BPOTBEB1", true)]
    [InlineData("DEUTDEF", false)]
    [InlineData("DEU1DEFF", false)]
    [InlineData("DEUTDEFF5", false)]
    public void A_bic_has_eight_or_eleven_characters_of_the_iso_9362_shape(string text, bool valid) =>
        Assert.Equal(valid, Bic.TryNormalise(text, out _, out _));

    [Fact]
    public void A_bank_account_form_names_every_wrong_field_and_the_iban_checksum()
    {
        var account = BankAccount.Create("XXX", " ", "DE89370400440532013001", "DEU1DEFF", null, out var problems);
        Assert.Null(account);
        Assert.Equal(["bic", "currency", "holder", "iban"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("ISO 13616 checksum", problems["iban"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_bank_account_without_bic_is_valid()
    {
        var account = BankAccount.Create("eur", " Atelier Dupont ", "FR14 2004 1010 0505 0001 3M02 606", "", " ", out var problems);
        Assert.Empty(problems);
        Assert.Equal(new BankAccount(Currency.Eur, "Atelier Dupont", Iban.Parse("FR1420041010050500013M02606"), null, null), account);
    }
}
