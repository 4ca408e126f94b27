using Refit;

namespace MakerShop.Printers.Http;

/// <summary>
/// Makes a Refit client for one printer from a named <see cref="IHttpClientFactory"/> client: the pooled handler and
/// its resilience pipeline are shared, while the base address and API key come from the printer's endpoint record.
/// </summary>
public sealed class HttpPrinterApiFactory(IHttpClientFactory clients)
{
    /// <summary>Reads (GET): short timeout, retried on transient failures because reading twice changes nothing.</summary>
    public const string StatusClient = "http-printer-status";

    /// <summary>Commands (POST): a timeout, never retried here; the outbox re-sends, after looking at the printer.</summary>
    public const string CommandClient = "http-printer-commands";

    /// <summary>Uploads: a long timeout and no retry, since an upload with print=true starts a print.</summary>
    public const string UploadClient = "http-printer-upload";

    public const string ApiKeyHeader = "X-Api-Key";

    public T Create<T>(HttpPrinterEndpoint endpoint, string clientName)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var client = clients.CreateClient(clientName);
        client.BaseAddress = endpoint.BaseUrl;
        client.DefaultRequestHeaders.Add(ApiKeyHeader, endpoint.ApiKey);
        return RestService.For<T>(client);
    }
}
