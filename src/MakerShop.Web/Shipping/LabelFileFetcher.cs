using MakerShop.Core;
using MakerShop.Shipping.Documents;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>
/// Downloads the file of a label just bought and keeps it (<see cref="LabelFileStore"/>). The link comes from the
/// provider's answer, so only an HTTPS link, or one on the provider's own configured host, is followed; a label that
/// cannot be fetched stays reachable through its link and is logged, it never undoes the purchase.
/// </summary>
public sealed class LabelFileFetcher(IHttpClientFactory clients, LabelFileStore files, IOptions<ShippingOptions> options, ILogger<LabelFileFetcher> logger)
{
    public const string ClientName = "label-files";

    private const int MaxBytes = 5 * 1024 * 1024;

    public async Task FetchAsync(string shipmentId, ShippingLabel label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!Uri.TryCreate(label.LabelUrl, UriKind.Absolute, out var url) || !Allowed(url))
        {
            logger.LogInformation("Label of shipment {ShipmentId} ({Provider}) has no link the shop fetches", shipmentId, label.Provider);
            return;
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!response.IsSuccessStatusCode || !LabelFileStore.CanStore(type) || response.Content.Headers.ContentLength > MaxBytes)
            {
                logger.LogWarning("Label file of shipment {ShipmentId} not kept: {Status} {ContentType}", shipmentId, (int)response.StatusCode, type);
                return;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length > MaxBytes)
            {
                logger.LogWarning("Label file of shipment {ShipmentId} not kept: {Bytes} bytes", shipmentId, bytes.Length);
                return;
            }

            await files.SaveAsync(shipmentId, new PrintableDocument(bytes, type), cancellationToken);
            logger.LogInformation("Kept the {ContentType} label of shipment {ShipmentId}", type, shipmentId);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Label file of shipment {ShipmentId} could not be fetched: {Error}", shipmentId, ex.Message);
        }
    }

    private bool Allowed(Uri url)
    {
        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return true;
        }

        var o = options.Value;
        return url.Scheme == Uri.UriSchemeHttp
            && new[] { o.EasyPost.BaseUrl, o.Shippo.BaseUrl }.Any(b => string.Equals(b.Authority, url.Authority, StringComparison.OrdinalIgnoreCase));
    }
}
