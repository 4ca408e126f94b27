namespace MakerShop.Notifications.Relay;

/// <summary>How the host writes an order's number for people ("MS-1042"); the prefix is the host's configuration.</summary>
public delegate string OrderNumberFormat(long? number, string orderId);
