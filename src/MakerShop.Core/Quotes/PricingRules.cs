namespace MakerShop.Core.Quotes;

/// <summary>
/// The shop's price formula, all in the shop's own currency: a setup fee, the filament at the material's price per
/// kilogram, machine time at an hourly rate, a margin on top, and never less than a minimum.
/// </summary>
public sealed record PricingRules
{
    public PricingRules(Money setupFee, Money hourlyRate, Money minimumPrice, decimal margin)
    {
        if (setupFee.IsNegative || hourlyRate.IsNegative || minimumPrice.IsNegative)
        {
            throw new DomainValidationException("pricing", "The setup fee, hourly rate and minimum price cannot be negative.");
        }

        if (setupFee.Currency != hourlyRate.Currency || setupFee.Currency != minimumPrice.Currency)
        {
            throw new DomainValidationException("pricing", "The setup fee, hourly rate and minimum price must be in one currency.");
        }

        if (margin is < 0 or > 10)
        {
            throw new DomainValidationException("pricing.margin", "The margin is a fraction between 0 and 10 (0.3 = 30 %).");
        }

        SetupFee = setupFee;
        HourlyRate = hourlyRate;
        MinimumPrice = minimumPrice;
        Margin = margin;
    }

    public Money SetupFee { get; }

    public Money HourlyRate { get; }

    public Money MinimumPrice { get; }

    /// <summary>A fraction added on top of cost: 0.3 is 30 %.</summary>
    public decimal Margin { get; }

    public Currency Currency => SetupFee.Currency;
}
