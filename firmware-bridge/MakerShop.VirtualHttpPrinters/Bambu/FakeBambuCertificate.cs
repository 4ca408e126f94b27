using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MakerShop.VirtualHttpPrinters.Bambu;

/// <summary>A self-signed certificate named by the printer's serial, as a Bambu printer's is (its own CA aside).</summary>
public static class FakeBambuCertificate
{
    public static X509Certificate2 Create(string serial)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={serial}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        // Through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The SHA-256 fingerprint as the shop pins it: upper-case hex, no separators.</summary>
    public static string Fingerprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }
}
