namespace MakerShop.Notifications.Outbound;

/// <summary>Which addresses the shop may call for a URL a person gave it (a webhook endpoint, an ntfy topic, a Discord webhook).</summary>
public enum OutboundAddressPolicy
{
    /// <summary>Public internet addresses only (the default): nothing inside the shop's network, never loopback or metadata.</summary>
    PublicOnly,

    /// <summary>LAN and public addresses, never loopback, link-local, multicast or the shop's own host (a receiver on the office LAN).</summary>
    PrivateNetworks,

    /// <summary>Everything, loopback included: for tests and demos whose receivers listen on 127.0.0.1.</summary>
    Any,
}
