namespace MakerShop.Bench.Soak;

/// <summary>One POST /api/orders the harness sends: its body, its idempotency key, and the units it asks for (0 for a corrupted one).</summary>
public sealed record OrderRequest(string IdempotencyKey, byte[] Body, int Units, string? Corruption);
