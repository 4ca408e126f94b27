using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MakerShop.Printers.Tests.Support;

/// <summary>Certificates shaped like a Bambu printer's: self-signed, or issued by a test CA, with the serial as CN.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 SelfSignedFor(string serial)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={serial}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    public static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(5));
    }

    public static X509Certificate2 IssuedBy(X509Certificate2 authority, string serial)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={serial}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var serialNumber = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), serialNumber);
        return issued.CopyWithPrivateKey(key);
    }

    public static string Sha256(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
