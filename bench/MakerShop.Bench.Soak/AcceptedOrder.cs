namespace MakerShop.Bench.Soak;

/// <summary>An order the shop accepted (201, or 200 for a retry it recognised): its key, its id, and how many units it holds.</summary>
public sealed record AcceptedOrder(string IdempotencyKey, string OrderId, int Units);
