namespace MakerShop.Channels;

/// <summary>What a channel's cancel did, in words for the delivery log.</summary>
public sealed record ChannelCancellation(bool Cancelled, string Outcome);
