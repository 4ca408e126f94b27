namespace MakerShop.Channels;

/// <summary>The shop order a channel order became (its number as people read it); <paramref name="Created"/> is false when it existed already.</summary>
public sealed record ChannelPlacement(string OrderId, string OrderNumber, bool Created);
