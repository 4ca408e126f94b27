using System.Text;
using QRCoder;

namespace MakerShop.Web.Payments;

/// <summary>
/// Draws a payment QR code. The payload's UTF-8 bytes are encoded as they are (byte mode, no ECI header) with error
/// correction level M, as EPC069-12 asks, so every banking app reads the same text.
/// </summary>
public static class PaymentQrCode
{
    /// <summary>An inline SVG that scales to its container (a viewBox, no fixed size).</summary>
    public static string Svg(string payload)
    {
        using var data = Encode(payload);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute, null);
    }

    /// <summary>A PNG for the e-mail, where an inline SVG would not show.</summary>
    public static byte[] Png(string payload)
    {
        using var data = Encode(payload);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(6, true);
    }

    private static QRCodeData Encode(string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(Encoding.UTF8.GetBytes(payload), QRCodeGenerator.ECCLevel.M);
    }
}
