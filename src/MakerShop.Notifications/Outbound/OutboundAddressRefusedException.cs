namespace MakerShop.Notifications.Outbound;

/// <summary>A connection the address policy refused (raised inside the socket handler, so the attempt's log can say so).</summary>
public sealed class OutboundAddressRefusedException(string message) : IOException(message);
