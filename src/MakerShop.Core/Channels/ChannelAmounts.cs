namespace MakerShop.Core;

/// <summary>What the channel charged the customer, as it reported it: goods, shipping, tax and the total it took.</summary>
public sealed record ChannelAmounts(Money Subtotal, Money Shipping, Money Tax, Money Total);
