namespace MakerShop.Web.Payments;

/// <summary>The shop's bank account shown to customers who pay by transfer; bound from <c>MakerShop:Payments:BankTransfer</c>.</summary>
public sealed class BankTransferOptions
{
    public const string SectionName = "MakerShop:Payments:BankTransfer";

    public string AccountHolder { get; set; } = "";

    public string Iban { get; set; } = "";

    public string Bic { get; set; } = "";

    public string BankName { get; set; } = "";

    /// <summary>Days the customer has to pay before the order is released back (shown on the page).</summary>
    public int PayWithinDays { get; set; } = 7;
}
