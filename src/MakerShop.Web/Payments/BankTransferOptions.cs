namespace MakerShop.Web.Payments;

/// <summary>
/// Bank transfer settings, bound from <c>MakerShop:Payments:BankTransfer</c>. The accounts themselves are kept per currency in
/// the database (admin settings); an account given here is only the first-run default, stored once for <see cref="Currency"/>.
/// </summary>
public sealed class BankTransferOptions
{
    public const string SectionName = "MakerShop:Payments:BankTransfer";

    public string AccountHolder { get; set; } = "";

    public string Iban { get; set; } = "";

    public string Bic { get; set; } = "";

    public string BankName { get; set; } = "";

    /// <summary>The currency of the account above (the configuration predates accounts per currency).</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Days the customer has to pay before the order is released back (shown on the page).</summary>
    public int PayWithinDays { get; set; } = 7;
}
