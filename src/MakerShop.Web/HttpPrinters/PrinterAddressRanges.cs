using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MakerShop.Web.HttpPrinters;

/// <summary>What an IP address is, as far as letting a maker point the shop at it goes.</summary>
public static class PrinterAddressRanges
{
    /// <summary>Why <paramref name="policy"/> refuses the address, or null when it allows it.</summary>
    public static string? Refusal(IPAddress address, MakerAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (policy == MakerAddressPolicy.Any)
        {
            return null;
        }

        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (Special(ip) is { } special)
        {
            return $"{ip} is {special}";
        }

        if (IsLocalHost(ip))
        {
            return $"{ip} is the shop's own host";
        }

        if (policy == MakerAddressPolicy.PublicOnly && IsPrivate(ip))
        {
            return $"{ip} is a private network address and this shop accepts only public printer addresses";
        }

        return null;
    }

    /// <summary>10/8, 172.16/12, 192.168/16 and fc00::/7: the networks a print farm's printers live on.</summary>
    public static bool IsPrivate(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            return b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168);
        }

        return ip.IsIPv6UniqueLocal;
    }

    private static string? Special(IPAddress ip)
    {
        if (IPAddress.IsLoopback(ip))
        {
            return "a loopback address";
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            return b[0] switch
            {
                0 => "an unspecified (this-network) address",
                169 when b[1] == 254 => "a link-local address (cloud metadata services live there)",
                >= 224 and <= 239 => "a multicast address",
                255 when b[1] == 255 && b[2] == 255 && b[3] == 255 => "the broadcast address",
                >= 240 => "a reserved address",
                _ => null,
            };
        }

        if (ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.IPv6None))
        {
            return "an unspecified address";
        }

        if (ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal)
        {
            return "a link-local address";
        }

        return ip.IsIPv6Multicast ? "a multicast address" : null;
    }

    // The shop's LAN address with its own port is as much "the shop" as 127.0.0.1 is.
    private static bool IsLocalHost(IPAddress ip)
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Any(u => (u.Address.IsIPv4MappedToIPv6 ? u.Address.MapToIPv4() : u.Address).Equals(ip));
        }
        catch (NetworkInformationException)
        {
            return false;
        }
    }
}
