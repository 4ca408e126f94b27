using System.Net.Http.Headers;
using System.Text;
using MakerShop.Core;
using MakerShop.Notifications.Outbound;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Notifications.Webhooks;

/// <summary>
/// Sends due webhook deliveries: signed, one attempt each, a 2xx within the timeout counts as delivered; anything else
/// is logged and tried again on the back-off schedule until the attempts run out.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookDeliveryStore deliveries, IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger)
{
    public const string ClientName = "makershop-webhooks";

    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        var due = await deliveries.ClaimDueAsync(time.GetUtcNow(), timeout + TimeSpan.FromSeconds(30), 20, cancellationToken);
        foreach (var delivery in due)
        {
            await SendAsync(delivery, settings, timeout, cancellationToken);
        }

        return due.Count;
    }

    private async Task SendAsync(DueDelivery delivery, WebhookOptions settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var attempt = delivery.Attempts + 1;
        var body = WebhookPayload.Build(delivery.Event);
        var wireType = WebhookEvents.WireName(delivery.Event.Type);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Header(delivery.Secret, time.GetUtcNow(), body));
        request.Headers.TryAddWithoutValidation("MakerShop-Event-Id", delivery.Event.EventId);
        request.Headers.TryAddWithoutValidation("MakerShop-Event-Type", wireType);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("MakerShop-Webhooks", "1"));

        int? status = null;
        string outcome;
        string? error = null;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token);
            status = (int)response.StatusCode;
            outcome = response.IsSuccessStatusCode ? DeliveryOutcomes.Delivered : DeliveryOutcomes.HttpError;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = DeliveryOutcomes.Timeout;
        }
        catch (HttpRequestException ex) when (Refusal(ex) is { } refused)
        {
            (outcome, error) = (DeliveryOutcomes.Refused, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            (outcome, error) = (DeliveryOutcomes.ConnectionFailed, ex.Message);
        }

        var finishedAt = time.GetUtcNow();
        if (outcome == DeliveryOutcomes.Delivered)
        {
            await deliveries.RecordAttemptAsync(delivery.Id, attempt, finishedAt, status, outcome, null, WebhookDeliveryStore.Delivered, null, CancellationToken.None);
            logger.LogInformation("Delivered webhook {EventType} {EventId} to endpoint {EndpointId} (attempt {Attempt}, HTTP {HttpStatus})",
                wireType, delivery.Event.EventId, delivery.EndpointId, attempt, status);
            return;
        }

        var next = settings.Backoff.NextAttemptAt(attempt, finishedAt);
        await deliveries.RecordAttemptAsync(delivery.Id, attempt, finishedAt, status, outcome, error,
            next is null ? WebhookDeliveryStore.GaveUp : WebhookDeliveryStore.Pending, next, CancellationToken.None);
        logger.LogWarning("Webhook {EventType} {EventId} to endpoint {EndpointId} failed (attempt {Attempt}: {Outcome} {HttpStatus}); next try {NextAttemptAt}",
            wireType, delivery.Event.EventId, delivery.EndpointId, attempt, outcome, status, next?.ToString("O") ?? "none, given up");
    }

    private static OutboundAddressRefusedException? Refusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is OutboundAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
