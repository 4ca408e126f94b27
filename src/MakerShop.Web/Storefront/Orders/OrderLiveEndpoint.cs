using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Storefront.Orders;

/// <summary>
/// The order page's live stream (Server-Sent Events): the order's progress, sent when it changes and repeated now and
/// then so proxies keep the connection open. Each stream reads the shared database, so any shop node can serve it.
/// </summary>
public static class OrderLiveEndpoint
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> GetAsync(
        string id,
        string? key,
        OrderLinkStore links,
        OrderProgressReader reader,
        IStringLocalizer<SharedResource> localizer,
        Shipping.CarrierWords carriers,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // A wrong key looks exactly like a missing order, so ids cannot be probed.
        if (!await links.OpensAsync(id, key, cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such order", detail: "This order link is not valid.");
        }

        return TypedResults.ServerSentEvents(StreamAsync(id, reader, localizer, carriers, time, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        string id,
        OrderProgressReader reader,
        IStringLocalizer localizer,
        Shipping.CarrierWords carriers,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? last = null;
        var lastSentAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(PollInterval, time);
        do
        {
            var view = await reader.ReadAsync(id, cancellationToken);
            if (view is null)
            {
                yield break;
            }

            var payload = JsonSerializer.Serialize(OrderProgressText.From(view, localizer, carriers), Json);
            var now = time.GetUtcNow();
            if (payload != last || now - lastSentAt >= KeepAliveInterval)
            {
                last = payload;
                lastSentAt = now;
                yield return new SseItem<string>(payload, "progress");
            }
        }
        while (await NextTickAsync(timer, cancellationToken));
    }

    // A visitor closing the page cancels the request; that ends the stream quietly instead of with an exception.
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
