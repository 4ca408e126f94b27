namespace MakerShop.Web.HttpPrinters;

/// <summary>Which addresses a maker may give for an OctoPrint or Moonraker printer (the owner's configured printers are trusted).</summary>
public enum MakerAddressPolicy
{
    /// <summary>LAN (10/8, 172.16/12, 192.168/16, fc00::/7) and public addresses; never loopback, link-local, unspecified, multicast, broadcast or the shop's own host.</summary>
    PrivateNetworks,

    /// <summary>Public addresses only: the printer is reached over the internet, never inside the shop's network.</summary>
    PublicOnly,

    /// <summary>Any address, loopback included: for tests and the demo, whose fake printers listen on 127.0.0.1.</summary>
    Any,
}
