namespace MakerShop.Core;

/// <summary>What the customer pays at checkout, all in the charge currency: goods, shipping, tax and any duties the
/// shop collects. <see cref="MayOweOnDelivery"/> says whether more can be asked at the door.</summary>
public sealed record LandedPrice(Money Goods, Money Shipping, Money Tax, Money Duties, Money Total, TaxDecision Decision)
{
    public bool MayOweOnDelivery => Decision.DutiesPaidBy == DutiesPaidBy.Customer;

    public static LandedPrice From(TaxQuestion question, TaxDecision decision)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(decision);
        var total = question.Goods + question.Shipping + decision.Tax + decision.Duties;
        return new LandedPrice(question.Goods, question.Shipping, decision.Tax, decision.Duties, total, decision);
    }
}
