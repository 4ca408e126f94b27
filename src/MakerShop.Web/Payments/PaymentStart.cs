namespace MakerShop.Web.Payments;

/// <summary>What the checkout does next: send the customer to the provider's page, or show transfer instructions.</summary>
public sealed record PaymentStart(Uri? RedirectTo, BankTransferInstructions? Instructions)
{
    /// <summary>The provider's id for the payment (a Checkout Session id), stored so its webhook can be matched.</summary>
    public string? ProviderReference { get; init; }
}

public sealed record BankTransferInstructions(string AccountHolder, string Iban, string Bic, string BankName, string Reference, int PayWithinDays);
