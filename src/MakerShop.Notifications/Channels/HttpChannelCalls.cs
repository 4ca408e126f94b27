using System.Net.Http.Json;

namespace MakerShop.Notifications.Channels;

/// <summary>POSTs a JSON message and turns a non-2xx answer into a <see cref="NotificationSendException"/> naming the status.</summary>
internal static class HttpChannelCalls
{
    public static async Task PostJsonAsync(HttpClient client, Uri url, object body, string service, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(url, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new NotificationSendException($"{service} answered HTTP {(int)response.StatusCode}");
        }
    }
}
