using System.Globalization;
using System.Security.Cryptography;
using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.Download;

/// <summary>Checks a downloaded file against the size and SHA-256 the shop sent with the command.</summary>
internal static class GcodeFileVerifier
{
    /// <summary>Null when the file is the one the shop meant; otherwise what is wrong with it.</summary>
    public static async Task<string?> FindProblemAsync(string path, StartJobArguments job, CancellationToken cancellationToken)
    {
        var size = new FileInfo(path).Length;
        if (size != job.SizeBytes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"size mismatch: expected {job.SizeBytes} bytes, got {size}");
        }

        await using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return string.Equals(hash, job.Sha256, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"sha256 mismatch: expected {job.Sha256}, got {hash}";
    }
}
