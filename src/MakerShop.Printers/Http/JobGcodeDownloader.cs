using System.Security.Cryptography;
using MakerShop.Contracts.Mqtt;

namespace MakerShop.Printers.Http;

/// <summary>
/// Fetches a job's G-code from the shop with the printer's device credentials, as a bridge would, into a temporary
/// file that deletes itself, and checks its SHA-256 before anything is sent to the printer.
/// </summary>
public sealed class JobGcodeDownloader(IHttpClientFactory clients)
{
    public const string ClientName = "makershop-job-gcode";

    /// <summary>The stream is positioned at 0; null when the download did not match the job's checksum.</summary>
    public async Task<Stream?> DownloadAsync(HttpPrinterEndpoint endpoint, StartJobArguments start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(start);
        using var request = new HttpRequestMessage(HttpMethod.Get, start.GcodeUrl);
        request.Headers.Authorization = endpoint.ShopCredentials.ToAuthorizationHeader();
        using var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"makershop-{start.JobId}-{Guid.NewGuid():N}.gcode"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), start.Sha256, StringComparison.OrdinalIgnoreCase)
                || file.Length != start.SizeBytes)
            {
                await file.DisposeAsync();
                return null;
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
