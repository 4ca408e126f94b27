namespace MakerShop.Storage.Stores;

/// <summary>A delivery claimed for one attempt: where to, with which secret, and the event's stored content.</summary>
public sealed record DueDelivery(long Id, string EndpointId, Uri Url, string Secret, int Attempts, ShopEventRecord Event);
