using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MakerShop.Printers.Bambu.Ftps;

/// <summary>
/// Decides whether the certificate a printer presents is the printer's: exactly the pinned one when registration
/// pinned it, otherwise one chaining to a Bambu Lab CA and naming the printer's serial. Validation is never switched
/// off; a refusal is kept in words so the transfer can say why the handshake failed.
/// </summary>
internal sealed class BambuCertificateCheck(BambuFtpsTarget target, X509Certificate2Collection bambuRoots)
{
    /// <summary>SHA-256 of the last certificate presented (upper-case hex), or null before a handshake.</summary>
    public string? PresentedSha256 { get; private set; }

    /// <summary>Why the last certificate was refused, in a maker's words; null when it was accepted.</summary>
    public string? Refusal { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            Refusal = "The printer presented no certificate.";
            return false;
        }

        using var presented = new X509Certificate2(certificate);
        PresentedSha256 = Sha256Of(presented);
        Refusal = target.CertificateSha256 is { } pinned
            ? CheckPinned(NormalizeFingerprint(pinned), PresentedSha256)
            : CheckChain(presented, chain);
        return Refusal is null;
    }

    public static string Sha256Of(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>Upper-case hex without separators, whatever way the fingerprint was written down.</summary>
    public static string NormalizeFingerprint(string fingerprint) =>
        string.Concat(fingerprint.Where(Uri.IsHexDigit)).ToUpperInvariant();

    private static string? CheckPinned(string pinned, string presented) =>
        string.Equals(pinned, presented, StringComparison.Ordinal)
            ? null
            : $"The printer's certificate changed since it was registered (was {pinned}, now {presented}): if you reset or replaced the printer, register it again.";

    private string? CheckChain(X509Certificate2 presented, X509Chain? offered)
    {
        if (bambuRoots.Count == 0)
        {
            return $"No certificate is pinned for printer {target.Serial} and no Bambu Lab CA is configured: register the printer again so its certificate is pinned.";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(bambuRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (offered is not null)
        {
            foreach (var element in offered.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (!chain.Build(presented))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
            return $"The printer's certificate is not issued by a Bambu Lab CA the shop trusts ({status}).";
        }

        var name = presented.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return string.Equals(name, target.Serial, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"The printer's certificate names {name}, not the serial {target.Serial} it was registered with: check the printer's address.";
    }
}
